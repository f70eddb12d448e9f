using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>A reply the handling department wrote for the submitter reaches them by email too.</summary>
public sealed class PublicReplyEmailHandler(FeedbackDbContext db, IEmailQueue queue) : INotificationHandler<PublicReplyPosted>
{
    public ValueTask Handle(PublicReplyPosted notification, CancellationToken cancellationToken) =>
        CaseMailing.QueueTimelineEntryAsync(db, queue, notification.CaseId, notification.EventId, EmailTemplates.PublicReply, "Reply", cancellationToken);
}
