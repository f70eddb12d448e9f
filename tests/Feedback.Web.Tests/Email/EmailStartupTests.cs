using Feedback.Web.Infrastructure.Email;
using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace Feedback.Web.Tests.Email;

/// <summary>Email that could never leave stops the app at start-up, saying why.</summary>
public sealed class EmailStartupTests
{
    [Fact]
    public void ABrokenTemplate_StopsTheApp_NamingTheFile()
    {
        using var templates = EmailTemplateTests.CopyOfTemplates();
        var broken = Path.Combine(templates.Path, "zh-CN", "acknowledgement.md");
        File.WriteAllText(broken, "subject: 您的反映已受理：{{TrackingNumbr}}\n---\n尊敬的{{Name|客户}}：");
        using var app = new EmailTestApp(new Dictionary<string, string?> { ["Email:TemplatePath"] = templates.Path });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains(broken, error.ToString());
        Assert.Contains("{{TrackingNumbr}}", error.ToString());
    }

    [Fact]
    public void AnUnusableSetting_StopsTheApp_NamingIt()
    {
        using var app = new EmailTestApp(new Dictionary<string, string?> { ["Email:Smtp:Port"] = "twenty-five" });

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("Email:Smtp:Port must be a whole number from 1 to 65535 (was 'twenty-five')", error.ToString());
    }

    [Theory]
    [InlineData("Email:Smtp:Port", "twenty-five")]
    [InlineData("Email:Smtp:Port", "70000")]
    [InlineData("Email:Smtp:UseTls", "maybe")]
    [InlineData("Email:From", "not-an-email")]
    [InlineData("Email:OutboxPollSeconds", "-1")]
    [InlineData("Feedback:PublicBaseUrl", "ftp://example.org")]
    public void EveryUnusableSetting_IsNamedWithItsValue(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Options((key, value)));

        Assert.Contains($"{key} must be", error.Message);
        Assert.Contains($"'{value}'", error.Message);
    }

    [Theory]
    [InlineData("587", "true", SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("465", "true", SecureSocketOptions.SslOnConnect)]
    [InlineData("25", "false", SecureSocketOptions.None)]
    public void Tls_FollowsThePort(string port, string useTls, SecureSocketOptions expected) =>
        Assert.Equal(expected, Options(("Email:Smtp:Host", "smtp.example.org"), ("Email:Smtp:Port", port), ("Email:Smtp:UseTls", useTls)).SocketOptions);

    [Fact]
    public void WithoutSettings_MailGoesToThePickupFolder_AndLinksToLocalhost()
    {
        var options = Options();
        Assert.False(options.UsesSmtp);
        Assert.Equal(new Uri("http://localhost:5080"), options.PublicBaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(2), options.OutboxPollInterval);
    }

    private static EmailOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Email:From"] = "noreply@feedback.local" })
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return EmailOptions.FromConfiguration(configuration, "/content/emails", "/data/mail");
    }
}
