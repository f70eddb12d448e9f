using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>
/// DESIGN §3: the submitters of duplicates hear when the case they were merged into is resolved. They get
/// their own tracking number, not the master's (its PIN is someone else's), and not the master's resolution
/// text, which was written to its submitter and may name them.
/// </summary>
public sealed class DuplicateResolvedEmailHandler(FeedbackDbContext db, IEmailQueue queue) : INotificationHandler<CaseStatusChanged>
{
    public async ValueTask Handle(CaseStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.To != CaseStatus.Resolved)
            return;
        var duplicates = await CaseMailing
            .Of(db.Cases.Where(c => c.MasterCaseId == notification.CaseId && c.RejectionReason == RejectionReason.Duplicate))
            .ToListAsync(cancellationToken);
        foreach (var mailing in duplicates.Where(m => m.ReceivesUpdates))
            await mailing.QueueAsync(queue, EmailTemplates.DuplicateResolved, cancellationToken);
    }
}
