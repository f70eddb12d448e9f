using System.Net;
using Feedback.Web.Infrastructure.Markdown;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Public;

[Collection(PublicCollection.Name)]
public sealed class ContentPageTests(FeedbackAppFixture fixture)
{
    private readonly FeedbackApp app = fixture.App;

    [Theory]
    [InlineData("service-commitments", "服务承诺", "5 个工作日内")]
    [InlineData("how-we-handle-feedback", "办理流程", "纪检监察室")]
    [InlineData("privacy", "隐私说明", "138\\*\\*\\*\\*5678")]
    public async Task ContentPage_RendersTheMarkdownWithItsTitle(string slug, string title, string text)
    {
        var html = await app.CreateClient().GetHtmlAsync($"/Public/Page/{slug}");

        Assert.Contains($"<h1>{title}</h1>", html);
        Assert.Matches(text, html);
    }

    [Fact]
    public async Task ContentPage_InEnglish_IsTheEnglishPage()
    {
        var html = await app.CreateClient().GetHtmlAsync("/Public/Page/service-commitments?culture=en");

        Assert.Contains("<h1>Our service commitments</h1>", html);
        Assert.Contains("5 working days", html);
    }

    [Theory]
    [InlineData("no-such-page")]
    [InlineData("Privacy")]
    [InlineData("privacy.md")]
    [InlineData("..%2Fzh-CN%2Fprivacy")]
    public async Task ContentPage_UnknownOrMalformedSlug_Is404(string slug)
    {
        var response = await app.CreateClient().GetAsync($"/Public/Page/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Markdown_WithScriptEventsAndJavascriptLinks_IsRenderedSafe()
    {
        const string markdown = """
            ---
            title: 测试
            ---
            # Hello <script>alert(1)</script>

            <img src="x" onerror="alert(2)">

            [click](javascript:alert(3)) and [site](https://example.com)

            <a href="https://example.com" onclick="alert(4)">raw</a>
            """;

        var page = ContentPages.Parse("test", markdown);

        Assert.Equal("测试", page.Title);
        // Raw HTML stays visible as text (escaped), never becomes markup.
        var elements = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page.Html).Body!.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "img");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.GetAttribute("href")?.Contains("javascript:", StringComparison.OrdinalIgnoreCase) == true);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Html);
        Assert.Contains("<a href=\"https://example.com\" rel=\"nofollow noopener\">site</a>", page.Html);
    }

    [Fact]
    public void Markdown_InlineStylesAreDropped()
    {
        var html = MarkdownRenderer.ToSafeHtml("| a | b |\n|--:|---|\n| 1 | 2 |");

        Assert.DoesNotContain("style=", html);
        Assert.Contains("<th scope=\"col\">", html);
    }
}
