using Feedback.Domain.Common;
using Feedback.Domain.Organisation;

namespace Feedback.Domain.Supervision;

/// <summary>Field rules the supervision admin lists share with the organisation lists (same code and name rules).</summary>
internal static class SupervisionRules
{
    public static IEnumerable<ValidationError> ValidateCode(string? code)
    {
        var normalised = OrganisationEntryRules.NormaliseCode(code);
        if (normalised.Length == 0) yield return new("Code", "Validation.Required");
        else if (!OrganisationEntryRules.IsValidCode(normalised)) yield return new("Code", "Admin.Organisation.CodeFormat", OrganisationEntryRules.CodeMaxLength);
    }

    public static IEnumerable<ValidationError> ValidateNames(string? nameZh, string? nameEn, int sortOrder)
    {
        foreach (var e in Check.Required(nameZh, "NameZh", OrganisationEntryRules.NameMaxLength)) yield return e;
        foreach (var e in Check.Required(nameEn, "NameEn", OrganisationEntryRules.NameMaxLength)) yield return e;
        if (sortOrder is < 0 or > OrganisationEntryRules.MaxSortOrder)
            yield return new("SortOrder", "Admin.Organisation.SortOrderRange", 0, OrganisationEntryRules.MaxSortOrder);
    }
}

/// <summary>Who reads the supervision reports and any review: the people who act on what supervisors find.</summary>
public static class SupervisionReaders
{
    public static bool IsManager(ICurrentUser user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Dispatcher) || user.IsInRole(Roles.DepartmentHead);
}
