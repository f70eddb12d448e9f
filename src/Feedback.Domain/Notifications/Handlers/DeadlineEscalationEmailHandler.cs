using System.Globalization;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>
/// A step of the escalation ladder tells the people it is meant for, each in their own language: at 75 %
/// the assignee (the department head if nobody has the case yet), when overdue the department head, a
/// working day later the service centre's dispatchers. Whoever is missing (a case still in triage, a
/// department without a head) is stood in for by the service centre, so no step goes unheard.
/// </summary>
public sealed class DeadlineEscalationEmailHandler(FeedbackDbContext db, IEmailQueue queue, WorkCalendarSource calendars, TimeProvider clock)
    : INotificationHandler<DeadlineEscalated>
{
    /// <summary>The staff case page (site-relative; the queue makes it absolute).</summary>
    public static string CasePath(Guid caseId) => $"/Staff/Case/{caseId}";

    public async ValueTask Handle(DeadlineEscalated notification, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking()
            .Where(c => c.Id == notification.CaseId)
            .Select(c => new { c.Id, c.TrackingNumber, c.Subject, c.DepartmentId, c.AssigneeId, c.ResolveBy })
            .SingleOrDefaultAsync(cancellationToken);
        if (@case is null)
            return;
        var department = @case.DepartmentId is { } id
            ? await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.NameZh, d.NameEn }).SingleOrDefaultAsync(cancellationToken)
            : null;

        var recipients = notification.Step switch
        {
            EscalationLevel.Warned when @case.AssigneeId is { } assignee => await RecipientsAsync(Users().Where(u => u.Id == assignee), cancellationToken),
            _ => [],
        };
        if (recipients.Count == 0 && notification.Step != EscalationLevel.Escalated && @case.DepartmentId is { } departmentId)
            recipients = await RecipientsAsync(InRole(Users().Where(u => u.DepartmentId == departmentId), Roles.DepartmentHead), cancellationToken);
        if (recipients.Count == 0)
            recipients = await RecipientsAsync(InRole(Users(), Roles.Dispatcher), cancellationToken);

        var template = notification.Step switch
        {
            EscalationLevel.Warned => EmailTemplates.DeadlineWarning,
            EscalationLevel.Overdue => EmailTemplates.DeadlineOverdue,
            _ => EmailTemplates.DeadlineEscalated,
        };
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var resolveBy = @case.ResolveBy is { } at ? calendar.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        foreach (var recipient in recipients.DistinctBy(r => r.Email))
        {
            var english = recipient.PreferredCulture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            await queue.QueueAsync(recipient.Email, template, recipient.PreferredCulture, new Dictionary<string, string>
            {
                ["Name"] = recipient.DisplayName,
                ["TrackingNumber"] = @case.TrackingNumber,
                ["Subject"] = @case.Subject,
                ["Department"] = department is null ? "" : english ? department.NameEn : department.NameZh,
                ["ResolveBy"] = resolveBy,
                ["CaseUrl"] = CasePath(@case.Id),
            }, @case.Id, cancellationToken);
        }
    }

    private sealed record Recipient(string Email, string DisplayName, string PreferredCulture);

    private static Task<List<Recipient>> RecipientsAsync(IQueryable<User> users, CancellationToken cancellationToken) =>
        users.OrderBy(u => u.Email).Select(u => new Recipient(u.Email!, u.DisplayName, u.PreferredCulture)).ToListAsync(cancellationToken);

    private IQueryable<User> InRole(IQueryable<User> users, string role) =>
        from user in users
        join userRole in db.UserRoles on user.Id equals userRole.UserId
        join r in db.Roles on userRole.RoleId equals r.Id
        where r.Name == role
        select user;

    /// <summary>Accounts that can read mail now: with an address, not locked out.</summary>
    private IQueryable<User> Users()
    {
        var now = clock.GetUtcNow();
        return db.Users.AsNoTracking().Where(u => u.Email != null && u.Email != "" && (u.LockoutEnd == null || u.LockoutEnd <= now));
    }
}
