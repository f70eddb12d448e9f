using System.Net;
using System.Xml.Linq;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>
/// Masked text renders as typed wherever a notice's Markdown is rendered — its public page, the Atom feed and
/// the drafter's preview: the masks' asterisks are text (138****5678), never emphasis, and the Markdown the
/// drafter wrote still works (ADR 0017).
/// </summary>
public sealed class MaskedMarkdownTests(OutcomeApp app) : IClassFixture<OutcomeApp>
{
    // Several masks in one paragraph: unescaped, Markdown pairs their asterisks into <em> and <strong>.
    private const string Draft = """
        ## 整改情况

        客户王建国（电话 13812345678，另留 133.4444.5555）反映电费异常，张三先生、李四先生同去核实，邮箱 zhang@example.com 与 qdd＠example.com 已回复。**已退还多收电费。**
        """;

    /// <summary>What each mask must look like in the rendered HTML, character for character.</summary>
    private static readonly string[] Masks = ["王**（电话 138****5678，另留 133****5555）", "张*先生、李*先生", "z***@example.com 与 q***＠example.com"];

    [Fact]
    public async Task ThePublicPage_AndTheFeed_ShowTheMasksAsTyped()
    {
        var (_, id) = await app.PublishNoticeAsync("关于王建国反映电费异常的整改", Draft);
        var client = app.CreateClient();

        var page = await client.GetStringAsync($"/Outcomes/{id}");
        AssertRenderedAsTyped(Body(page, "outcome-body"));

        var feed = XDocument.Parse(await client.GetStringAsync("/Outcomes/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value == $"urn:uuid:{id}");
        AssertRenderedAsTyped(entry.Element(atom + "content")!.Value);
    }

    [Fact]
    public async Task ThePreview_ShowsTheMasksAsTyped()
    {
        var receipt = await app.FileAndAcceptAsync();
        var client = app.CreateBrowserClient();
        await client.SignInAsync(OutcomeApp.Staff);
        var page = $"/Staff/Case/{receipt.CaseId}/Outcome";

        var response = await client.PostAsync(page, Forms.Fields(("Draft.Title", "预览"), ("Draft.Markdown", Draft)), $"{page}?handler=Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AssertRenderedAsTyped(Body(html[html.IndexOf("outcome-preview", StringComparison.Ordinal)..], "outcome-body"));
        // The list of what was masked shows each mask plain, without the Markdown escapes.
        Assert.Contains("<td>138****5678</td>", html);
        Assert.DoesNotContain(@"\*", html);
    }

    private static void AssertRenderedAsTyped(string html)
    {
        var text = WebUtility.HtmlDecode(html);
        foreach (var mask in Masks)
            Assert.Contains(mask, text);
        Assert.DoesNotContain(@"\*", text);
        Assert.DoesNotContain("<em>", html);
        // The drafter's own emphasis and heading still render.
        Assert.Contains("<strong>已退还多收电费。</strong>", html);
        Assert.Contains("<h2", html);
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("4444", text);
        Assert.DoesNotContain("qdd", text);
    }

    /// <summary>The inner HTML of the first element with that class (the rendered notice).</summary>
    private static string Body(string html, string cssClass)
    {
        var start = html.IndexOf($"class=\"{cssClass}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {cssClass} in the page");
        start = html.IndexOf('>', start) + 1;
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }
}
