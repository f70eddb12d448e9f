using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Publishing.Commands;
using Feedback.Domain.Rectification.Commands;
using Feedback.Web.Infrastructure.Outcomes;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>The app on a fake clock with its loops off (<see cref="FakeClockApp"/>): tests run the outcome scan with <see cref="ScanAsync"/>.</summary>
public sealed class OutcomeApp : FakeClockApp
{
    public OutcomeApp() : this(null) { }

    /// <summary>Internal: a class fixture may have only one public constructor.</summary>
    internal OutcomeApp(IDictionary<string, string?>? settings) : base(settings) { }

    public const string Staff = "staff.billing@demo.local";
    public const string Staff2 = "staff2.billing@demo.local";
    public const string Head = "head.billing@demo.local";
    public const string OtherStaff = "staff.om@demo.local";
    public const string Customer = "customer@demo.local";

    /// <summary>Runs the outcome scan once, then the outbox (queueing the emails of what it did).</summary>
    public async Task<int> ScanAsync()
    {
        var handled = await Services.GetRequiredService<OutcomeScanner>().RunOnceAsync();
        await PublishOutboxAsync();
        return handled;
    }

    /// <summary>A billing case (the shipped rules send it to the billing centre) filed by the signed-in customer, accepted by <see cref="Staff"/>.</summary>
    public async Task<CaseReceipt> FileAndAcceptAsync(CaseKind kind = CaseKind.Complaint, string subject = "电费比上月高出三倍", string? submitter = Customer)
    {
        var (category, area) = await BillingInBinchengAsync();
        var receipt = await SendAsync(submitter, new SubmitCase(kind, Channel.Web, category, area, subject,
            "本月电费异常，请核实。", false, "王建国", "13812345678", "wang@example.com", null, null, "zh-CN", []));
        await SendAsync(Staff, new AcceptCase(receipt.CaseId));
        return receipt;
    }

    /// <summary>A complaint with a rectification of two measures (owned by staff and staff2), due in 3 and 10 days.</summary>
    public async Task<(CaseReceipt Receipt, Guid First, Guid Second)> FileWithTwoMeasuresAsync(CaseKind kind = CaseKind.Complaint)
    {
        var receipt = await FileAndAcceptAsync(kind);
        await SendAsync(Staff, new RecordRectification(receipt.CaseId, "抄表员误读表计读数"));
        var today = DateOnly.FromDateTime(Clock.GetUtcNow().AddHours(8).Date);
        var first = await SendAsync(Staff, new AddMeasure(receipt.CaseId, "更正读数并退还多收电费", await UserIdAsync(Staff), today.AddDays(3)));
        var second = await SendAsync(Staff, new AddMeasure(receipt.CaseId, "对抄表员开展复训", await UserIdAsync(Staff2), today.AddDays(10)));
        return (receipt, first, second);
    }

    /// <summary>A complaint with two measures (the first done), resolved, its notice drafted, submitted and approved: published.</summary>
    public async Task<(CaseReceipt Receipt, Guid OutcomeId)> PublishNoticeAsync(string title, string markdown)
    {
        var (receipt, first, _) = await FileWithTwoMeasuresAsync();
        await SendAsync(Staff, new CompleteMeasure(receipt.CaseId, first, "已退还", []));
        await SendAsync(Staff, new ResolveCase(receipt.CaseId, "已处理"));
        await SendAsync(Staff, new SaveOutcomeDraft(receipt.CaseId, title, markdown));
        await SendAsync(Staff, new SubmitOutcome(receipt.CaseId));
        await SendAsync(Head, new ApproveOutcome(receipt.CaseId));
        return (receipt, await DbAsync(db => db.Outcomes.Where(o => o.CaseId == receipt.CaseId).Select(o => o.Id).SingleAsync()));
    }

    public Task<Case> CaseAsync(Guid id) => DbAsync(db => db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == id));

    public Task<List<(string Template, string To, string Subject, string Body)>> EmailsAsync(Guid caseId, string template) =>
        DbAsync(async db => (await db.EmailMessages.Where(m => m.CaseId == caseId && m.Template == template).OrderBy(m => m.To)
                .Select(m => new { m.Template, m.To, m.Subject, m.TextBody }).ToListAsync())
            .Select(m => (m.Template, m.To, m.Subject, m.TextBody)).ToList());
}
