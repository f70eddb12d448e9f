using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Notifications;
using Feedback.Domain.Publishing.Commands;
using Feedback.Web.Infrastructure.Email;
using Feedback.Web.Tests.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>One outcome app sending to one loopback SMTP server for the class.</summary>
public sealed class OutcomeSmtpFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();
    public OutcomeApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        App = new OutcomeApp(Smtp.Settings());
        _ = App.Services;
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The four-eyes loop by email: the head hears of a notice to approve, the writers of its return or approval.</summary>
public sealed class ApprovalEmailTests(OutcomeSmtpFixture fixture) : IClassFixture<OutcomeSmtpFixture>
{
    private readonly OutcomeApp _app = fixture.App;
    private readonly TestSmtpServer _smtp = fixture.Smtp;

    /// <summary>Publishes the stored domain events (queueing their emails), then sends what is due over SMTP.</summary>
    private async Task DeliverAsync()
    {
        await _app.PublishOutboxAsync();
        await _app.Services.GetRequiredService<EmailDispatcher>().RunOnceAsync();
    }

    private async Task<Guid> SubmittedNoticeAsync(string title)
    {
        var receipt = await _app.FileAndAcceptAsync();
        await _app.SendAsync(OutcomeApp.Staff, new ResolveCase(receipt.CaseId, "已处理"));
        await _app.SendAsync(OutcomeApp.Staff, new SaveOutcomeDraft(receipt.CaseId, title, "已整改。"));
        await _app.SendAsync(OutcomeApp.Staff, new SubmitOutcome(receipt.CaseId));
        return receipt.CaseId;
    }

    [Fact]
    public async Task SendingANoticeForApproval_EmailsTheHeadOfItsDepartment_WithLinksToTheInboxAndTheNotice()
    {
        var caseId = await SubmittedNoticeAsync("待审批邮件测试公示");
        await DeliverAsync();

        var message = Assert.Single(_smtp.To(OutcomeApp.Head), m => (m.TextBody ?? "").Contains("待审批邮件测试公示"));
        Assert.Contains("待审批公示", message.Subject);
        Assert.Contains("http://localhost:5080/Staff/Approvals", message.TextBody);
        Assert.Contains($"http://localhost:5080/Staff/Case/{caseId}/Outcome", message.TextBody);
        // Only the head of the notice's department, not its writer nor another department's head.
        var queued = await _app.EmailsAsync(caseId, EmailTemplates.OutcomeApprovalRequested);
        Assert.Equal([OutcomeApp.Head], queued.Select(e => e.To));
        Assert.DoesNotContain(_smtp.To("head.om@demo.local"), m => (m.TextBody ?? "").Contains("待审批邮件测试公示"));
    }

    [Fact]
    public async Task ReturningANotice_TellsItsWriterTheReason_AndApprovingIt_TellsThemItIsPublic()
    {
        var caseId = await SubmittedNoticeAsync("退回与批准邮件测试");
        await _app.SendAsync(OutcomeApp.Head, new ReturnOutcome(caseId, "请补充整改完成时间"));
        await DeliverAsync();
        var returned = Assert.Single(_smtp.To(OutcomeApp.Staff), m => (m.Subject ?? "").Contains("公示退回") && (m.TextBody ?? "").Contains("退回与批准邮件测试"));
        Assert.Contains("请补充整改完成时间", returned.TextBody);

        await _app.SendAsync(OutcomeApp.Staff, new SubmitOutcome(caseId));
        await _app.SendAsync(OutcomeApp.Head, new ApproveOutcome(caseId));
        await DeliverAsync();
        var approved = Assert.Single(_smtp.To(OutcomeApp.Staff), m => (m.Subject ?? "").Contains("公示已发布") && (m.TextBody ?? "").Contains("退回与批准邮件测试"));
        Assert.Contains("http://localhost:5080/Outcomes/", approved.TextBody);
        // The head who decided is not told of their own decision; and each request for approval was decided
        // before the outbox ran, so the head was not asked for what they had already done.
        Assert.Equal([OutcomeApp.Staff], (await _app.EmailsAsync(caseId, EmailTemplates.OutcomeReturned)).Select(e => e.To));
        Assert.Empty(await _app.EmailsAsync(caseId, EmailTemplates.OutcomeApprovalRequested));
    }
}
