using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>The case is resolved: the submitter reads what was done and can confirm or reject it.</summary>
public sealed class ResolutionEmailHandler(FeedbackDbContext db, IEmailQueue queue) : INotificationHandler<CaseStatusChanged>
{
    public ValueTask Handle(CaseStatusChanged notification, CancellationToken cancellationToken) =>
        notification.To == CaseStatus.Resolved
            ? CaseMailing.QueueTimelineEntryAsync(db, queue, notification.CaseId, notification.EventId, EmailTemplates.Resolution, "Resolution", cancellationToken)
            : ValueTask.CompletedTask;
}
