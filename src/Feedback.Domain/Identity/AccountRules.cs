using Feedback.Domain.Common;

namespace Feedback.Domain.Identity;

/// <summary>Rules shared by the account forms and the admin's user management.</summary>
public static class AccountRules
{
    public const int DisplayNameMaxLength = 100;
    /// <summary>Long enough for any passphrase; bounds the work of hashing what a stranger posts.</summary>
    public const int PasswordMaxLength = 200;

    /// <summary>Roles an admin hands out on the user pages (supervisors are appointed elsewhere, customers register).</summary>
    public static readonly IReadOnlyList<string> AssignableRoles = Roles.Privileged;

    /// <summary>Roles that work inside one department and therefore need one.</summary>
    public static bool NeedsDepartment(IEnumerable<string> roles) =>
        roles.Any(r => r is Roles.Staff or Roles.DepartmentHead);

    public static string NormaliseCulture(string? culture) =>
        culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";

    public static bool IsSupportedCulture(string? culture) => culture is "zh-CN" or "en";

    internal static IEnumerable<ValidationError> ValidateStaffRoles(IReadOnlyCollection<string>? roles, Guid? departmentId, bool atLeastOne)
    {
        var chosen = roles ?? [];
        if (atLeastOne && chosen.Count == 0) yield return new("Roles", "Admin.Users.RoleRequired");
        else if (chosen.Any(r => !AssignableRoles.Contains(r))) yield return new("Roles", "Validation.Invalid");
        if (NeedsDepartment(chosen) && departmentId is null) yield return new("DepartmentId", "Admin.Users.DepartmentRequired");
    }
}
