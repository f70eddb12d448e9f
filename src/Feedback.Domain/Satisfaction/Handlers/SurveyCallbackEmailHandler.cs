using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Satisfaction.Handlers;

/// <summary>
/// An unhappy answer (1–2, or "not resolved") is told to the head of the department that resolved the case,
/// in their language; with no head (or no department) the service centre's dispatchers hear it instead.
/// The case is on the dispatchers' callback list either way.
/// </summary>
public sealed class SurveyCallbackEmailHandler(FeedbackDbContext db, IEmailQueue queue, TimeProvider clock)
    : INotificationHandler<SurveyAnswered>
{
    public async ValueTask Handle(SurveyAnswered notification, CancellationToken cancellationToken)
    {
        if (!notification.NeedsCallback)
            return;
        var answer = await (from s in db.Surveys.AsNoTracking()
                            join c in db.Cases on s.CaseId equals c.Id
                            where s.Id == notification.SurveyId
                            select new { c.Id, c.TrackingNumber, c.Subject, s.DepartmentId, s.Score, s.Resolved, s.Comment })
            .SingleOrDefaultAsync(cancellationToken);
        if (answer is null)
            return;
        var department = answer.DepartmentId is { } id
            ? await db.Departments.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.NameZh, d.NameEn }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var recipients = answer.DepartmentId is { } departmentId
            ? await RecipientsAsync(Users().Where(u => u.DepartmentId == departmentId), Roles.DepartmentHead, cancellationToken)
            : [];
        if (recipients.Count == 0)
            recipients = await RecipientsAsync(Users(), Roles.Dispatcher, cancellationToken);

        foreach (var recipient in recipients)
        {
            var english = recipient.PreferredCulture.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            await queue.QueueAsync(recipient.Email, EmailTemplates.SurveyCallback, recipient.PreferredCulture, new Dictionary<string, string>
            {
                ["Name"] = recipient.DisplayName,
                ["TrackingNumber"] = answer.TrackingNumber,
                ["Subject"] = answer.Subject,
                ["Department"] = department is null ? "" : english ? department.NameEn : department.NameZh,
                ["Score"] = answer.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ["Resolved"] = answer.Resolved == true ? (english ? "yes" : "是") : (english ? "no" : "否"),
                ["Comment"] = answer.Comment ?? "",
                ["CaseUrl"] = $"/Staff/Case/{answer.Id}",
            }, answer.Id, cancellationToken);
        }
    }

    private sealed record Recipient(string Email, string DisplayName, string PreferredCulture);

    private Task<List<Recipient>> RecipientsAsync(IQueryable<User> users, string role, CancellationToken cancellationToken) =>
        (from user in users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join r in db.Roles on userRole.RoleId equals r.Id
         where r.Name == role
         orderby user.Email
         select new Recipient(user.Email!, user.DisplayName, user.PreferredCulture))
        .Distinct().ToListAsync(cancellationToken);

    private IQueryable<User> Users()
    {
        var now = clock.GetUtcNow();
        return db.Users.AsNoTracking().Where(u => u.Email != null && u.Email != "" && (u.LockoutEnd == null || u.LockoutEnd <= now));
    }
}
