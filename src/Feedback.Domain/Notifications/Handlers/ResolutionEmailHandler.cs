using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>The case is resolved: the submitter reads what was done and can confirm or reject it.</summary>
public sealed class ResolutionEmailHandler(FeedbackDbContext db, IEmailQueue queue) : INotificationHandler<CaseStatusChanged>
{
    public async ValueTask Handle(CaseStatusChanged notification, CancellationToken cancellationToken)
    {
        if (notification.To != CaseStatus.Resolved)
            return;
        if (await CaseMailing.LoadAsync(db, notification.CaseId, cancellationToken) is not { ReceivesUpdates: true } mailing)
            return;
        var resolution = await CaseMailing.EventTextAsync(db, notification.CaseId, notification.EventId, cancellationToken) ?? "";
        await mailing.QueueAsync(queue, EmailTemplates.Resolution, cancellationToken, ("Resolution", resolution));
    }
}
