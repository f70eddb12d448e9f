using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Mediator;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>
/// 受理回执: the submitter is told the tracking number, the access PIN (the only place it is ever sent) and
/// the deadlines we hold ourselves to, in the organisation's local time.
/// </summary>
public sealed class AcknowledgementEmailHandler(FeedbackDbContext db, IEmailQueue queue, WorkCalendarSource calendars)
    : INotificationHandler<CaseSubmitted>
{
    public async ValueTask Handle(CaseSubmitted notification, CancellationToken cancellationToken)
    {
        if (await CaseMailing.LoadAsync(db, notification.CaseId, cancellationToken) is not { } mailing)
            return;
        var calendar = await calendars.GetAsync(db, cancellationToken);
        string Local(DateTimeOffset? instant) =>
            instant is { } at ? calendar.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

        await mailing.QueueAsync(queue, EmailTemplates.Acknowledgement, cancellationToken,
            ("AccessPin", notification.AccessPin),
            ("ContactBy", Local(mailing.ContactBy)),
            ("ResolveBy", Local(mailing.ResolveBy)));
    }
}
