using Feedback.Domain.Notifications;
using Feedback.Web.Infrastructure.Email;
using Feedback.Web.Infrastructure.Localization;

namespace Feedback.Web.Tests.Email;

/// <summary>The templates under content/emails, loaded and rendered without the app.</summary>
public sealed class EmailTemplateTests
{
    private static readonly StringCatalog Strings = new(typeof(StringCatalog).Assembly);

    public static string TemplateFolder { get; } = FindTemplateFolder();

    private static readonly EmailTemplateLibrary Library = EmailTemplateLibrary.Load(TemplateFolder, Strings);

    public static TheoryData<string, string> EveryTemplate()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in StringCatalog.Cultures)
            foreach (var template in EmailTemplates.Values.Keys)
                data.Add(template, culture);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTemplate))]
    public void EveryTemplate_RendersEveryValueItDeclares_InBothLanguages(string template, string culture)
    {
        var values = EmailTemplates.Values[template].ToDictionary(v => v, v => v.EndsWith("Url") || v == "Link" ? $"https://example.org/{v}" : $"value-of-{v}");

        var email = Library.Render(template, culture, values);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain("{{", email.Subject + email.HtmlBody + email.TextBody);
        Assert.Contains($"<html lang=\"{culture}\">", email.HtmlBody);
        // Every value the template is given is one it shows (else why is it given?).
        foreach (var value in values.Values)
            Assert.Contains(value, email.TextBody + email.Subject);
        Assert.Contains(culture == "en" ? "95598" : "供电服务热线", email.TextBody);
    }

    [Fact]
    public void Values_AreEscapedInTheHtml_AndNeverReadAsMarkdown()
    {
        var email = Library.Render(EmailTemplates.PublicReply, "zh-CN", new Dictionary<string, string>
        {
            ["TrackingNumber"] = "FK20261125-0001",
            ["Subject"] = "<script>alert('x')</script> **bold**",
            ["Reply"] = "第一行 <img src=x onerror=alert(1)>\n[点我](javascript:alert(1)) & ![pic](http://evil.example/p.png)",
            ["TrackUrl"] = "https://feedback.example.cn/Public/Track",
            ["Name"] = "李四",
        });

        Assert.DoesNotContain("<script", email.HtmlBody);
        Assert.DoesNotContain("<img", email.HtmlBody);
        Assert.DoesNotContain("<strong>bold", email.HtmlBody);
        Assert.DoesNotContain("href=\"javascript", email.HtmlBody);
        Assert.Contains("&lt;script&gt;", email.HtmlBody);
        Assert.Contains("第一行 &lt;img src=x onerror=alert(1)&gt;<br />", email.HtmlBody);
        Assert.Contains("&amp;", email.HtmlBody);
        // The template's own link still works, with the value as its target.
        Assert.Contains("href=\"https://feedback.example.cn/Public/Track\"", email.HtmlBody);
        // The plain-text part carries the text as written, and spells the template's links out.
        Assert.Contains("<script>alert('x')</script>", email.TextBody);
        Assert.Contains("<https://feedback.example.cn/Public/Track>", email.TextBody);
    }

    [Fact]
    public void ASubjectNamingALayoutSlot_StaysText()
    {
        var email = Library.Render(EmailTemplates.Resolution, "en", new Dictionary<string, string> { ["TrackingNumber"] = "{body}{footer}" });

        Assert.Contains("<title>Your feedback has been resolved: {body}{footer}</title>", email.HtmlBody);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(email.HtmlBody, "<body"));
    }

    [Theory]
    [InlineData("zh-CN", "尊敬的客户：")]
    [InlineData("en", "Dear Customer,")]
    public void WithoutAName_TheGreetingFallsBack(string culture, string greeting)
    {
        var email = Library.Render(EmailTemplates.Acknowledgement, culture, new Dictionary<string, string>
        {
            ["TrackingNumber"] = "FK1", ["AccessPin"] = "123456", ["Subject"] = "s", ["ContactBy"] = "", ["ResolveBy"] = "",
            ["TrackUrl"] = "https://x.example/Public/Track", ["Name"] = "",
        });

        Assert.Contains(greeting, email.TextBody);
        Assert.Contains(greeting, email.HtmlBody);
    }

    [Fact]
    public void SubjectLines_AreOneLine()
    {
        var email = Library.Render(EmailTemplates.Resolution, "en", new Dictionary<string, string> { ["TrackingNumber"] = "FK1\r\nBcc: someone@example.org" });
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain('\r', email.Subject);
    }

    [Fact]
    public void AValueTheTemplateDoesNotDeclare_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Library.Render(EmailTemplates.PasswordReset, "en", new Dictionary<string, string> { ["AccessPin"] = "123456" }));

    [Fact]
    public void AnUnknownPlaceholder_IsRefusedAtLoad_NamingTheFile()
    {
        using var folder = CopyOfTemplates();
        var broken = Path.Combine(folder.Path, "en", "resolution.md");
        File.AppendAllText(broken, "\nYour PIN is {{AccessPin}}.\n");

        var error = Assert.Throws<InvalidOperationException>(() => EmailTemplateLibrary.Load(folder.Path, Strings));

        Assert.Contains(broken, error.Message);
        Assert.Contains("{{AccessPin}}", error.Message);
    }

    [Fact]
    public void AMissingTemplate_OrAMissingSubjectLine_IsRefusedAtLoad_NamingTheFile()
    {
        using var folder = CopyOfTemplates();
        var missing = Path.Combine(folder.Path, "zh-CN", "password-reset.md");
        File.Delete(missing);
        var headless = Path.Combine(folder.Path, "en", "public-reply.md");
        File.WriteAllText(headless, "Hello {{Name}}\n---\nbody");

        var error = Assert.Throws<InvalidOperationException>(() => EmailTemplateLibrary.Load(folder.Path, Strings));

        Assert.Contains(missing, error.Message);
        Assert.Contains(headless, error.Message);
    }

    internal static TemporaryFolder CopyOfTemplates()
    {
        var folder = new TemporaryFolder();
        foreach (var file in Directory.EnumerateFiles(TemplateFolder, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Path, Path.GetRelativePath(TemplateFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }

    private static string FindTemplateFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "content", "emails", "zh-CN")))
                return Path.Combine(dir.FullName, "content", "emails");
        throw new InvalidOperationException("content/emails not found above the test binaries.");
    }
}

internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "feedback-tests", "emails-" + Guid.NewGuid().ToString("N"));

    public TemporaryFolder() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { /* the temp cleaner gets it */ }
    }
}
