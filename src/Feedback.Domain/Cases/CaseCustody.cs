using Feedback.Domain.Common;
using Feedback.Domain.Organisation;

namespace Feedback.Domain.Cases;

/// <summary>
/// Which department may hold a case — the one rule behind every path that sets <see cref="Case.DepartmentId"/>
/// (routing on submission, routing by hand from triage, reassigning, returning to triage). A misconduct
/// report (举报) stays with the Integrity office whatever anyone does (DESIGN §3, ADR 0017): only that office may
/// hold it, never the department it accuses, and it does not go back to the triage queue, where the service
/// centre could send it elsewhere. Every other case may go to any department.
/// </summary>
public static class CaseCustody
{
    /// <summary>May <paramref name="department"/> hold a case of <paramref name="kind"/>? For pages that offer departments.</summary>
    public static bool MayHold(Department department, CaseKind kind, Guid? accusedDepartmentId) =>
        kind != CaseKind.Report || (department.IsIntegrityOffice && department.Id != accusedDepartmentId);

    /// <summary>May a case of <paramref name="kind"/> be sent back to the triage queue?</summary>
    public static bool MayReturnToTriage(CaseKind kind) => kind != CaseKind.Report;

    /// <summary>Refuses (with the reason) to let <paramref name="department"/> hold the case; null means the triage queue.</summary>
    internal static void EnsureMayHold(Department? department, CaseKind kind, Guid? accusedDepartmentId)
    {
        if (kind != CaseKind.Report) return;
        if (department is not null && department.Id == accusedDepartmentId)
            throw new DomainRuleException("Case.ReportToAccusedDepartment");
        if (department is null ? !MayReturnToTriage(kind) : !MayHold(department, kind, accusedDepartmentId))
            throw new DomainRuleException("Case.ReportStaysWithIntegrityOffice");
    }
}
