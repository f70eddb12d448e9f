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
    public async ValueTask Handle(CaseStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.Action != CaseAction.RequestInfo)
            return;
        if (await CaseMailing.LoadAsync(db, notification.CaseId, cancellationToken) is not { ReceivesUpdates: true } mailing)
            return;
        var question = await CaseMailing.EventTextAsync(db, notification.CaseId, notification.EventId, cancellationToken) ?? "";
        await mailing.QueueAsync(queue, EmailTemplates.InformationRequested, cancellationToken, ("Question", question));
    }
}
