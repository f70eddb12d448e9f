using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Data;
using Feedback.Domain.Notifications;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Deadlines;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Deadlines;

/// <summary>The app on a fake clock with its loops off (<see cref="FakeClockApp"/>): tests run the deadline scan with <see cref="ScanAsync"/>.</summary>
public sealed class DeadlineApp() : FakeClockApp(null)
{
    public const string Staff = "staff.billing@demo.local";
    public const string Head = "head.billing@demo.local";
    public const string Dispatcher = "dispatcher@demo.local";

    public DeadlineScanner Scanner => Services.GetRequiredService<DeadlineScanner>();

    /// <summary>Runs the escalation scan once, then publishes what it stored (queueing its emails).</summary>
    public async Task<int> ScanAsync()
    {
        var fired = await Scanner.RunOnceAsync();
        await PublishOutboxAsync();
        return fired;
    }

    public Task<WorkCalendar> CalendarAsync() =>
        DbAsync(async db => await Services.GetRequiredService<WorkCalendarSource>().GetAsync(db));

    /// <summary>A complaint about billing, which the shipped rules send to the billing centre (5 working days).</summary>
    public async Task<Guid> FileBillingComplaintAsync(string subject = "电费比上月高出三倍")
    {
        var (category, area) = await BillingInBinchengAsync();
        var receipt = await SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, subject,
            "本月电费异常，请核实。", false, "张三", "13812345678", null, null, null, "zh-CN", []));
        return receipt.CaseId;
    }

    /// <summary>Files a billing complaint and has <see cref="Staff"/> take it on (it becomes theirs).</summary>
    public async Task<Guid> FileAndAcceptAsync(string subject = "电费比上月高出三倍")
    {
        var id = await FileBillingComplaintAsync(subject);
        await ActAsync(id, Staff, Actor.Staff, (@case, by, now) => @case.Accept(by, now));
        return id;
    }

    /// <summary>
    /// Loads the case, lets <paramref name="act"/> change it as <paramref name="email"/> in the given capacity
    /// (the way the staff commands do), and saves it with its domain events, as a command would.
    /// </summary>
    public async Task ActAsync(Guid caseId, string email, Actor capacity, Action<Case, CaseParticipant, DateTimeOffset> act)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        var now = Clock.GetUtcNow();
        act(@case, new CaseParticipant(user.Id, user.DisplayName, new HashSet<Actor> { capacity }), now);
        db.MoveDomainEventsToOutbox(now);
        await db.SaveChangesAsync();
    }

    public Task<Case> CaseAsync(Guid id) =>
        DbAsync(db => db.Cases.Include(c => c.Events).Include(c => c.Extensions).AsSplitQuery().SingleAsync(c => c.Id == id));

    /// <summary>
    /// The escalation emails of one case: (template, recipient, subject), in the ladder's order. (Emails of
    /// steps fired in one scan are queued in the same instant, so their rows cannot tell the order.)
    /// </summary>
    public Task<List<(string Template, string To, string Subject)>> EscalationEmailsAsync(Guid caseId) =>
        DbAsync(async db => (await db.EmailMessages
                .Where(m => m.CaseId == caseId && m.Template.StartsWith("deadline-"))
                .Select(m => new { m.Template, m.To, m.Subject })
                .ToListAsync())
            .OrderBy(m => Array.IndexOf(Templates, m.Template)).ThenBy(m => m.To)
            .Select(m => (m.Template, m.To, m.Subject)).ToList());

    public Task SetCultureAsync(string email, string culture) =>
        DbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture)));

    public static readonly string[] Templates = [EmailTemplates.DeadlineWarning, EmailTemplates.DeadlineOverdue, EmailTemplates.DeadlineEscalated];
}
