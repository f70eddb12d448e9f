using Feedback.Domain.Data;
using Feedback.Domain.Publishing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>
/// The four-eyes loop of a public notice, by email: a notice sent for approval tells the head(s) of its
/// department (not one who sent it: they may not approve their own text); a notice returned or approved
/// tells whoever wrote or sent it (not the head who decided). Each in their own language.
/// </summary>
public sealed class OutcomeApprovalEmailHandler(FeedbackDbContext db, IEmailQueue queue, TimeProvider clock)
    : INotificationHandler<OutcomeSubmittedForApproval>, INotificationHandler<OutcomeReturned>, INotificationHandler<OutcomeApproved>
{
    /// <summary>The heads' approval inbox (site-relative; the queue makes it absolute).</summary>
    public const string InboxPath = "/Staff/Approvals";

    public static string WorkPath(Guid caseId) => $"/Staff/Case/{caseId}/Outcome";

    public async ValueTask Handle(OutcomeSubmittedForApproval notification, CancellationToken cancellationToken)
    {
        if (await LoadAsync(notification.OutcomeId, cancellationToken) is not { Status: OutcomeStatus.AwaitingApproval } notice)
            return;
        var submitter = await LastStepByAsync(notification.OutcomeId, OutcomeStep.Submitted, cancellationToken);
        var heads = StaffRecipients.HeadsOf(db, notice.DepartmentId);
        var recipients = await StaffRecipients.ListAsync(
            StaffRecipients.Reachable(db, clock.GetUtcNow()).Where(u => heads.Contains(u.Id) && u.Id != submitter), cancellationToken);
        foreach (var head in recipients)
            await QueueAsync(head, EmailTemplates.OutcomeApprovalRequested, notice, cancellationToken,
                ("Drafter", notice.DraftedByName), ("InboxUrl", InboxPath));
    }

    public async ValueTask Handle(OutcomeReturned notification, CancellationToken cancellationToken)
    {
        if (await LoadAsync(notification.OutcomeId, cancellationToken) is not { } notice)
            return;
        var returned = await db.OutcomeHistory.AsNoTracking()
            .Where(h => h.Id == notification.HistoryEntryId && h.OutcomeId == notification.OutcomeId)
            .Select(h => new { h.ByUserId, h.ByName, h.Note })
            .SingleOrDefaultAsync(cancellationToken);
        if (returned is null)
            return;
        foreach (var writer in await WritersAsync(notification.OutcomeId, returned.ByUserId, cancellationToken))
            await QueueAsync(writer, EmailTemplates.OutcomeReturned, notice, cancellationToken,
                ("Head", returned.ByName), ("Reason", returned.Note ?? ""));
    }

    public async ValueTask Handle(OutcomeApproved notification, CancellationToken cancellationToken)
    {
        if (await LoadAsync(notification.OutcomeId, cancellationToken) is not { Status: OutcomeStatus.Published } notice)
            return;
        foreach (var writer in await WritersAsync(notification.OutcomeId, notice.ApprovedByUserId, cancellationToken))
            await QueueAsync(writer, EmailTemplates.OutcomeApproved, notice, cancellationToken,
                ("Head", notice.ApprovedByName ?? ""), ("OutcomeUrl", $"/Outcomes/{notice.OutcomeId}"));
    }

    private sealed record Notice(
        Guid OutcomeId, Guid CaseId, Guid DepartmentId, OutcomeStatus Status, string TrackingNumber, string Title,
        string DraftedByName, Guid? ApprovedByUserId, string? ApprovedByName);

    private Task<Notice?> LoadAsync(Guid outcomeId, CancellationToken cancellationToken) =>
        (from o in db.Outcomes.AsNoTracking()
         where o.Id == outcomeId
         join c in db.Cases on o.CaseId equals c.Id
         select new Notice(o.Id, c.Id, o.DepartmentId, o.Status, c.TrackingNumber, o.DraftTitle, o.DraftedByName, o.ApprovedByUserId, o.ApprovedByName))
        .SingleOrDefaultAsync(cancellationToken);

    private Task<Guid?> LastStepByAsync(Guid outcomeId, OutcomeStep step, CancellationToken cancellationToken) =>
        db.OutcomeHistory.AsNoTracking()
            .Where(h => h.OutcomeId == outcomeId && h.Step == step)
            .OrderByDescending(h => h.At)
            .Select(h => h.ByUserId)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Everyone who wrote or sent the notice (it may have passed through several hands), but not the head who decided.</summary>
    private Task<List<StaffRecipient>> WritersAsync(Guid outcomeId, Guid? decidedBy, CancellationToken cancellationToken)
    {
        var writers = db.OutcomeHistory
            .Where(h => h.OutcomeId == outcomeId && h.ByUserId != null && h.ByUserId != decidedBy
                && (h.Step == OutcomeStep.Drafted || h.Step == OutcomeStep.Revised || h.Step == OutcomeStep.Submitted))
            .Select(h => h.ByUserId!.Value);
        return StaffRecipients.ListAsync(StaffRecipients.Reachable(db, clock.GetUtcNow()).Where(u => writers.Contains(u.Id)), cancellationToken);
    }

    private ValueTask QueueAsync(StaffRecipient recipient, string template, Notice notice, CancellationToken cancellationToken,
        params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string>
        {
            ["Name"] = recipient.DisplayName,
            ["TrackingNumber"] = notice.TrackingNumber,
            ["Title"] = notice.Title,
            ["CaseUrl"] = WorkPath(notice.CaseId),
        };
        foreach (var (key, value) in values)
            all[key] = value;
        return queue.QueueAsync(recipient.Email, template, recipient.PreferredCulture, all, notice.CaseId, cancellationToken);
    }
}
