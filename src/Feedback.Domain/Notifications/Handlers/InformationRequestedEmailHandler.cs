using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>
/// The department needs something from the submitter before it can go on (the case waits, its clock
/// paused): the question goes to them by email.
/// </summary>
public sealed class InformationRequestedEmailHandler(FeedbackDbContext db, IEmailQueue queue) : INotificationHandler<CaseStatusChanged>
{
    public ValueTask Handle(CaseStatusChanged notification, CancellationToken cancellationToken) =>
        notification.Action == CaseAction.RequestInfo
            ? CaseMailing.QueueTimelineEntryAsync(db, queue, notification.CaseId, notification.EventId, EmailTemplates.InformationRequested, "Question", cancellationToken)
            : ValueTask.CompletedTask;
}
