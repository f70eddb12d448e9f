using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Organisation;

/// <summary>The three code lists an admin keeps: they share one shape (<see cref="NamedEntity"/>) and one set of pages.</summary>
public enum OrganisationList { Departments, Categories, ServiceAreas }

/// <summary>The rules every entry of an <see cref="OrganisationList"/> follows.</summary>
public static class OrganisationEntryRules
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int MaxSortOrder = 9999;

    public static string NormaliseCode(string? code) => (code ?? "").Trim();

    /// <summary>
    /// Codes are what data files, routing rules and links refer to: a letter, then letters, digits, '-' or '_'.
    /// Two codes that differ only in case count as the same code.
    /// </summary>
    public static bool IsValidCode(string code) =>
        code.Length is >= 2 and <= CodeMaxLength && char.IsAsciiLetter(code[0]) && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static IEnumerable<ValidationError> ValidateNames(string? nameZh, string? nameEn, int sortOrder, OrganisationList list)
    {
        foreach (var e in Check.Defined(list, "List")) yield return e;
        foreach (var e in Check.Required(nameZh, "NameZh", NameMaxLength)) yield return e;
        foreach (var e in Check.Required(nameEn, "NameEn", NameMaxLength)) yield return e;
        if (sortOrder is < 0 or > MaxSortOrder) yield return new("SortOrder", "Admin.Organisation.SortOrderRange", 0, MaxSortOrder);
    }

    /// <summary>
    /// There is one Integrity office: misconduct reports may be held by it alone (ADR 0017), so marking a second
    /// department would open a second place they could be sent. The admin unmarks the old office first.
    /// </summary>
    internal static async Task EnsureNoOtherIntegrityOfficeAsync(FeedbackDbContext db, Guid? departmentId, CancellationToken cancellationToken)
    {
        var other = await db.Departments.Where(d => d.IsIntegrityOffice && d.Id != departmentId).Select(d => d.Code).FirstOrDefaultAsync(cancellationToken);
        if (other is not null)
            throw new ValidationException([new("IsIntegrityOffice", "Admin.Organisation.IntegrityOfficeTaken", other)]);
    }

    internal static IQueryable<NamedEntity> Entries(this FeedbackDbContext db, OrganisationList list) => list switch
    {
        OrganisationList.Departments => db.Departments,
        OrganisationList.Categories => db.Categories,
        OrganisationList.ServiceAreas => db.ServiceAreas,
        _ => throw new NotFoundException(),
    };
}
