using System.Globalization;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>A measure passed its due date undone: its owner and the head(s) of the department are told, each in their language.</summary>
public sealed class MeasureOverdueEmailHandler(FeedbackDbContext db, IEmailQueue queue, TimeProvider clock) : INotificationHandler<MeasureOverdue>
{
    public async ValueTask Handle(MeasureOverdue notification, CancellationToken cancellationToken)
    {
        var measure = await (
                from m in db.RectificationMeasures.AsNoTracking()
                where m.Id == notification.MeasureId
                join r in db.Rectifications on m.RectificationId equals r.Id
                join c in db.Cases on r.CaseId equals c.Id
                select new { m.Description, m.OwnerUserId, m.DueOn, r.DepartmentId, c.Id, c.TrackingNumber, c.Subject })
            .SingleOrDefaultAsync(cancellationToken);
        if (measure is null)
            return;
        var heads = StaffRecipients.HeadsOf(db, measure.DepartmentId);
        var recipients = await StaffRecipients.ListAsync(
            StaffRecipients.Reachable(db, clock.GetUtcNow()).Where(u => u.Id == measure.OwnerUserId || heads.Contains(u.Id)), cancellationToken);
        foreach (var recipient in recipients)
            await queue.QueueAsync(recipient.Email, EmailTemplates.MeasureOverdue, recipient.PreferredCulture, new Dictionary<string, string>
            {
                ["Name"] = recipient.DisplayName,
                ["TrackingNumber"] = measure.TrackingNumber,
                ["Subject"] = measure.Subject,
                ["Measure"] = measure.Description,
                ["DueOn"] = measure.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["CaseUrl"] = DeadlineEscalationEmailHandler.CasePath(measure.Id),
            }, measure.Id, cancellationToken);
    }
}
