using Feedback.Domain.Common;
using Feedback.Domain.Notifications;
using Feedback.Domain.Notifications.Commands;
using Feedback.Domain.Notifications.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Feedback.Web.Tests.Email;

/// <summary>When mail cannot leave: retries with backoff, exactly-once delivery later, dead letters, the pickup folder.</summary>
public sealed class EmailFailureTests
{
    [Fact]
    public async Task WhileSmtpIsDown_EmailsWaitWithBackoff_ThenEachIsDeliveredExactlyOnce()
    {
        await using var smtp = new TestSmtpServer();
        using var app = new EmailTestApp(smtp.Settings());
        var first = await app.FileCaseAsync("first@example.com");
        var second = await app.FileCaseAsync("second@example.com", "en");

        await app.DeliverAsync();

        var waiting = await app.DbAsync(db => db.EmailMessages.ToListAsync());
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, m =>
        {
            Assert.Equal((EmailStatus.Pending, 1), (m.Status, m.Attempts));
            Assert.Equal(app.Clock.GetUtcNow() + Backoff.After(1), m.NextAttemptAt);
            Assert.False(string.IsNullOrEmpty(m.LastError));
        });

        // Not due yet: nothing is tried, even once the server is up.
        await smtp.StartAsync();
        await app.Dispatcher.RunOnceAsync();
        Assert.Empty(smtp.Messages);
        Assert.All(await app.DbAsync(db => db.EmailMessages.ToListAsync()), m => Assert.Equal(1, m.Attempts));

        app.Clock.Advance(Backoff.After(1));
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.DeliverAsync();

        Assert.Single(smtp.To("first@example.com"), m => m.Subject!.Contains(first.TrackingNumber));
        Assert.Single(smtp.To("second@example.com"), m => m.Subject!.Contains(second.TrackingNumber));
        Assert.Equal(2, smtp.Messages.Count);
        Assert.All(await app.DbAsync(db => db.EmailMessages.ToListAsync()), m => Assert.Equal(EmailStatus.Sent, m.Status));
    }

    [Fact]
    public async Task AfterMaxAttempts_AnEmailIsADeadLetter_ThatAnAdminCanSendAgain()
    {
        await using var smtp = new TestSmtpServer();
        using var app = new EmailTestApp(smtp.Settings());
        var admin = await app.EnsureUserAsync("email-admin@example.com", Roles.Admin);
        var receipt = await app.FileCaseAsync("dead.letter@example.com");
        await app.Outbox.RunOnceAsync();

        for (var attempt = 1; attempt <= EmailMessage.MaxAttempts; attempt++)
        {
            await app.Dispatcher.RunOnceAsync();
            app.Clock.Advance(TimeSpan.FromHours(1));
        }
        await app.Dispatcher.RunOnceAsync();

        var dead = await app.DbAsync(db => db.EmailMessages.SingleAsync(m => m.CaseId == receipt.CaseId));
        Assert.Equal((EmailStatus.DeadLetter, EmailMessage.MaxAttempts), (dead.Status, dead.Attempts));

        var list = await app.QueryAsync(admin, new ListEmailProblems());
        var problem = Assert.Single(list.Items);
        Assert.Equal(("d***@example.com", EmailTemplates.Acknowledgement, EmailMessage.MaxAttempts), (problem.MaskedTo, problem.Template, problem.Attempts));
        Assert.Equal(new EmailCounts(0, 0, 1), list.Counts);
        Assert.DoesNotContain("dead.letter@example.com", problem.LastError);

        await smtp.StartAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(null, new RetryEmail(dead.Id)));
        await app.SendAsync(admin, new RetryEmail(dead.Id));
        await app.Dispatcher.RunOnceAsync();
        await app.Dispatcher.RunOnceAsync();

        Assert.Single(smtp.To("dead.letter@example.com"));
        Assert.Equal(EmailStatus.Sent, (await app.DbAsync(db => db.EmailMessages.SingleAsync(m => m.Id == dead.Id))).Status);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(admin, new RetryEmail(dead.Id)));
        Assert.Equal("Email.AlreadySent", error.Code);
    }

    [Fact]
    public async Task WithoutAnSmtpHost_EachEmailIsWrittenToThePickupFolder()
    {
        using var app = new EmailTestApp();
        var receipt = await app.FileCaseAsync("pickup@example.com");

        await app.DeliverAsync();
        await app.DeliverAsync();

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "mail")));
        Assert.EndsWith(".eml", file);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("pickup@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains(receipt.TrackingNumber, message.Subject);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Contains(receipt.AccessPin, message.HtmlBody);
        Assert.Equal(EmailStatus.Sent, (await app.DbAsync(db => db.EmailMessages.SingleAsync())).Status);
    }

    [Fact]
    public async Task AnEventThatCannotBeHandled_IsRetriedLater_AndTheOthersStillGoOut()
    {
        using var app = new EmailTestApp();
        var now = app.Clock.GetUtcNow();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Feedback.Domain.Data.FeedbackDbContext>();
            // Written before the case, so it comes first; neither is a domain event the processor may create.
            db.OutboxMessages.Add(new OutboxMessage("System.IO.FileInfo", "{\"originalPath\":\"/etc/passwd\"}", now - TimeSpan.FromSeconds(2)));
            db.OutboxMessages.Add(new OutboxMessage("Feedback.Domain.Cases.NoSuchEvent", "{}", now - TimeSpan.FromSeconds(1)));
            await db.SaveChangesAsync();
        }
        var receipt = await app.FileCaseAsync("still.sent@example.com");

        await app.DeliverAsync();

        var outbox = await app.DbAsync(db => db.OutboxMessages.ToListAsync());
        var failed = outbox.Where(m => m.ProcessedAt is null).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, m =>
        {
            Assert.Equal(1, m.Attempts);
            Assert.Equal(now + Backoff.After(1), m.NextAttemptAt);
            Assert.Contains("not a domain event", m.LastError);
        });
        Assert.Equal(EmailStatus.Sent, (await app.DbAsync(db => db.EmailMessages.SingleAsync(m => m.CaseId == receipt.CaseId))).Status);
    }
}
