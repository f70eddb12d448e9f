using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision;

/// <summary>One problem found in a review, or one suggestion raised at a forum: it becomes a case.</summary>
public sealed record RaisedItem(Guid CategoryId, string Subject, string Description)
{
    public static IEnumerable<ValidationError> Validate(IReadOnlyList<RaisedItem>? items, string field, int max)
    {
        if (items is null) yield break;
        if (items.Count > max) yield return new(field, "Supervision.TooMany", max);
        for (var i = 0; i < items.Count && i < max; i++)
        {
            var item = items[i];
            foreach (var e in Check.NotEmpty(item.CategoryId, $"{field}[{i}].CategoryId")) yield return e;
            foreach (var e in Check.Required(item.Subject, $"{field}[{i}].Subject", Case.SubjectMaxLength)) yield return e;
            foreach (var e in Check.Required(item.Description, $"{field}[{i}].Description", Case.DescriptionMaxLength)) yield return e;
        }
    }
}

/// <summary>
/// Files what a supervisor raises as ordinary cases through <see cref="CaseFiling"/> (the path every case
/// takes: same routing rules, same deadlines), with the supervisor as submitter so they can follow and verify it.
/// </summary>
internal sealed class SupervisorFiling(FeedbackDbContext db, OrganisationSnapshot org, WorkCalendarSource calendars, string name, string? email, Guid userId, string culture)
{
    public static async Task<SupervisorFiling> ForAsync(FeedbackDbContext db, OrganisationSnapshot org, WorkCalendarSource calendars,
        ICurrentUser user, string culture, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenException();
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).FirstAsync(cancellationToken);
        return new SupervisorFiling(db, org, calendars, account.DisplayName, account.Email, userId,
            culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN");
    }

    /// <summary>Categories must be active: checked with the rest of the input, before anything is filed.</summary>
    public static void CheckCategories(OrganisationSnapshot org, IReadOnlyList<RaisedItem> items, string field, List<ValidationError> errors)
    {
        for (var i = 0; i < items.Count; i++)
            if (org.Category(items[i].CategoryId) is not { IsActive: true })
                errors.Add(new($"{field}[{i}].CategoryId", "Validation.Invalid"));
    }

    public async Task<Case> FileAsync(CaseKind kind, Channel channel, RaisedItem item, Guid serviceAreaId, Guid? servicePointId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var details = new NewCase(kind, channel, item.CategoryId, serviceAreaId, item.Subject, item.Description,
            IsAnonymous: false, new ContactDetails(name, null, email, null, null), culture, SubmitterUserId: userId);
        var (@case, _) = await CaseFiling.FileAsync(db, org, calendars, details, now, cancellationToken);
        @case.AboutServicePoint(servicePointId);
        return @case;
    }
}
