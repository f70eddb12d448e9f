using System.Net;
using Feedback.Domain.Common;
using Feedback.Domain.Notifications;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Email;

/// <summary>An app whose SMTP server never answers, so every email fails.</summary>
public sealed class SmtpDownFixture : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    public EmailTestApp App { get; private set; } = null!;

    public Task InitializeAsync()
    {
        App = new EmailTestApp(_smtp.Settings());
        _ = App.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await _smtp.DisposeAsync();
    }
}

public sealed class EmailAdminPageTests(SmtpDownFixture fixture) : IClassFixture<SmtpDownFixture>
{
    private readonly EmailTestApp _app = fixture.App;

    [Fact]
    public async Task AnAdmin_SeesFailedEmailsWithMaskedRecipients_AndSendsOneAgain()
    {
        var admin = await _app.EnsureUserAsync("page-admin@example.com", Roles.Admin);
        var customer = await _app.EnsureUserAsync("page-customer@example.com", Roles.Customer);
        await _app.FileCaseAsync("page.test@example.com");
        await _app.DeliverAsync();
        var client = _app.CreateClientAs(admin);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Admin/Emails"));

        Assert.Contains("p***@example.com", html);
        Assert.DoesNotContain("page.test@example.com", html);
        Assert.Contains("id=\"email-count-pending\">1<", html);
        Assert.Contains("受理回执", html);
        Assert.Contains("1 / 8", html);

        var id = await _app.DbAsync(db => db.EmailMessages.Select(m => m.Id).SingleAsync());
        var response = await client.PostAsync("/Admin/Emails", Forms.Fields(("id", id.ToString())), postUrl: "/Admin/Emails?handler=Retry&p=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var retried = await _app.DbAsync(db => db.EmailMessages.SingleAsync());
        Assert.Equal((EmailStatus.Pending, 0, _app.Clock.GetUtcNow()), (retried.Status, retried.Attempts, retried.NextAttemptAt));
        Assert.Contains("邮件已重新排队", WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location)));

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(customer).GetAsync("/Admin/Emails")).StatusCode);
    }

    [Fact]
    public async Task RetryingAnEmailThatDoesNotExist_IsNotFound()
    {
        var admin = await _app.EnsureUserAsync("page-admin@example.com", Roles.Admin);
        var client = _app.CreateClientAs(admin);

        var response = await client.PostAsync("/Admin/Emails", Forms.Fields(("id", Guid.NewGuid().ToString())), postUrl: "/Admin/Emails?handler=Retry");
        var malformed = await client.PostAsync("/Admin/Emails", Forms.Fields(("id", "not-a-guid")), postUrl: "/Admin/Emails?handler=Retry");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }
}
