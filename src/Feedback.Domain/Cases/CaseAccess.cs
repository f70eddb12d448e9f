using Feedback.Domain.Common;

namespace Feedback.Domain.Cases;

/// <summary>
/// Who may do what with a case (DESIGN §1, §3, §6) in one place: staff and heads only in their
/// department, dispatchers everywhere, submitters their own case (signed in, or by tracking number + PIN).
/// Admins configure the platform and do not read cases.
/// </summary>
public static class CaseAccess
{
    /// <summary>Roles that work cases (the message-level check; which case is decided by <see cref="For(ICurrentUser, Case, bool)"/>).</summary>
    public static bool WorksCases(ICurrentUser user) =>
        user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.Dispatcher);

    /// <param name="provedByPin">The caller gave this case's tracking number and correct PIN.</param>
    public static CaseParticipant For(ICurrentUser user, Guid? departmentId, Guid? submitterUserId, bool provedByPin = false)
    {
        var capacities = new HashSet<Actor>();
        if (provedByPin || (user.UserId is not null && user.UserId == submitterUserId))
            capacities.Add(Actor.Submitter);
        if (departmentId is not null && user.DepartmentId == departmentId)
        {
            if (user.IsInRole(Roles.Staff)) capacities.Add(Actor.Staff);
            if (user.IsInRole(Roles.DepartmentHead)) capacities.Add(Actor.DepartmentHead);
        }
        if (user.IsInRole(Roles.Dispatcher))
            capacities.Add(Actor.Dispatcher);
        return new CaseParticipant(user.UserId, user.DisplayName ?? "", capacities);
    }

    public static CaseParticipant For(ICurrentUser user, Case @case, bool provedByPin = false) =>
        For(user, @case.DepartmentId, @case.SubmitterUserId, provedByPin);

    /// <summary>
    /// May this viewer see the submitter's contact details unmasked? The handling department and the
    /// service centre may; a misconduct report's reporter is known only to the Integrity office.
    /// </summary>
    public static bool MaySeeContact(CaseParticipant viewer, CaseKind kind, bool handledByIntegrityOffice) =>
        viewer.Is(Actor.Submitter)
        || (kind == CaseKind.Report ? viewer.IsHandler && handledByIntegrityOffice : viewer.IsHandler || viewer.Is(Actor.Dispatcher));
}
