using Feedback.Domain.Common;
using Feedback.Web.Infrastructure.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Email;

/// <summary>The background loops, running as in production.</summary>
public sealed class EmailLoopTests
{
    [Fact]
    public async Task WithTheLoopsRunning_AFiledCaseIsAcknowledgedWithoutWaitingForThePollInterval()
    {
        await using var smtp = new TestSmtpServer();
        await smtp.StartAsync();
        var settings = smtp.Settings();
        settings["Email:BackgroundEnabled"] = "true";
        // Polls far apart: only the wake-up after the command's SaveChanges can deliver within the wait below.
        settings["Email:OutboxPollSeconds"] = "600";
        settings["Email:DispatchPollSeconds"] = "600";
        using var app = new EmailTestApp(settings);
        _ = app.Services;
        // Let the loops finish their first run at start-up and go to sleep.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var receipt = await app.FileCaseAsync("loop@example.com");

        for (var waited = 0; waited < 200 && smtp.To("loop@example.com").Count == 0; waited++)
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        var message = Assert.Single(smtp.To("loop@example.com"));
        Assert.Contains(receipt.TrackingNumber, message.Subject);
    }

    [Fact]
    public async Task BackgroundWork_ActsAsTheSystem_AndOtherScopesAsTheSignedInUser()
    {
        using var app = new EmailTestApp();
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();

        await using (var system = scopes.CreateSystemScope())
            Assert.Same(SystemUser.Instance, system.ServiceProvider.GetRequiredService<ICurrentUser>());
        await using var request = scopes.CreateAsyncScope();
        Assert.IsType<Feedback.Web.Infrastructure.Web.HttpCurrentUser>(request.ServiceProvider.GetRequiredService<ICurrentUser>());
    }
}
