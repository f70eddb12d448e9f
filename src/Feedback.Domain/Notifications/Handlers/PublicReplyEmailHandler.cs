using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>A reply the handling department wrote for the submitter reaches them by email too.</summary>
public sealed class PublicReplyEmailHandler(FeedbackDbContext db, IEmailQueue queue) : INotificationHandler<PublicReplyPosted>
{
    public async ValueTask Handle(PublicReplyPosted notification, CancellationToken cancellationToken)
    {
        if (await CaseMailing.LoadAsync(db, notification.CaseId, cancellationToken) is not { ReceivesUpdates: true } mailing)
            return;
        if (await CaseMailing.EventTextAsync(db, notification.CaseId, notification.EventId, cancellationToken) is not { } reply)
            return;
        await mailing.QueueAsync(queue, EmailTemplates.PublicReply, cancellationToken, ("Reply", reply));
    }
}
