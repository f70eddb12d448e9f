namespace Feedback.Domain.Auditing;

/// <summary>How an account change reads in the audit log: the roles and department ids, never the person's name or address.</summary>
public static class StaffAccountAudit
{
    public static string RoleSummary(IReadOnlyList<string> roles, Guid? departmentId) =>
        $"roles: {string.Join(",", roles.Distinct().Order(StringComparer.Ordinal))}" + (departmentId is { } d ? $"; department {d}" : "");
}
