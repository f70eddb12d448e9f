using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>
/// The submitter wrote to the case (a message, or the answer to a question): whoever has the case is told,
/// in their own language. Nobody has it yet (assigned, not accepted): the department's heads, who hand it
/// out. Still in triage (no department): the service centre's dispatchers, so no message goes unheard.
/// </summary>
public sealed class CustomerMessageEmailHandler(FeedbackDbContext db, IEmailQueue queue, TimeProvider clock)
    : INotificationHandler<SubmitterMessageAdded>
{
    public async ValueTask Handle(SubmitterMessageAdded notification, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking()
            .Where(c => c.Id == notification.CaseId)
            .Select(c => new { c.Id, c.TrackingNumber, c.Subject, c.DepartmentId, c.AssigneeId })
            .SingleOrDefaultAsync(cancellationToken);
        var message = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Id == notification.EventId && e.CaseId == notification.CaseId)
            .Select(e => e.Text)
            .SingleOrDefaultAsync(cancellationToken);
        if (@case is null || message is null)
            return;

        var reachable = StaffRecipients.Reachable(db, clock.GetUtcNow());
        var recipients = @case.AssigneeId is { } assignee
            ? await StaffRecipients.ListAsync(reachable.Where(u => u.Id == assignee), cancellationToken)
            : [];
        if (recipients.Count == 0 && @case.DepartmentId is { } departmentId)
        {
            var heads = StaffRecipients.HeadsOf(db, departmentId);
            recipients = await StaffRecipients.ListAsync(reachable.Where(u => heads.Contains(u.Id)), cancellationToken);
        }
        if (recipients.Count == 0)
        {
            var dispatchers = from userRole in db.UserRoles
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where role.Name == Roles.Dispatcher
                              select userRole.UserId;
            recipients = await StaffRecipients.ListAsync(reachable.Where(u => dispatchers.Contains(u.Id)), cancellationToken);
        }

        foreach (var recipient in recipients)
            await queue.QueueAsync(recipient.Email, EmailTemplates.CustomerMessage, recipient.PreferredCulture, new Dictionary<string, string>
            {
                ["Name"] = recipient.DisplayName,
                ["TrackingNumber"] = @case.TrackingNumber,
                ["Subject"] = @case.Subject,
                ["Message"] = message,
                ["CaseUrl"] = DeadlineEscalationEmailHandler.CasePath(@case.Id),
            }, @case.Id, cancellationToken);
    }
}
