using System.Linq.Expressions;
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

    /// <summary>The capacities that open the staff view of a case (a staff member who filed a case follows it as a customer).</summary>
    public static readonly IReadOnlySet<Actor> StaffViewCapacities = new HashSet<Actor> { Actor.Staff, Actor.DepartmentHead, Actor.Dispatcher };

    /// <summary>
    /// The cases <paramref name="user"/> may open in the staff view, as a filter SQL can apply so that lists stay
    /// paged in SQL: <see cref="For(ICurrentUser, Guid?, Guid?, bool)"/> holding one of <see cref="StaffViewCapacities"/>
    /// — the service centre every case, staff and heads their own department's, anyone else (admins too,
    /// ADR 0006) none. The access tests check that both forms agree.
    /// </summary>
    public static Expression<Func<Case, bool>> OpenableInStaffView(ICurrentUser user)
    {
        if (user.IsInRole(Roles.Dispatcher))
            return _ => true;
        if (user.DepartmentId is { } department && (user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead)))
            return c => c.DepartmentId == department;
        return _ => false;
    }

    /// <summary>
    /// May this viewer see the submitter's contact details unmasked? The handling department and the
    /// service centre may; a misconduct report's reporter is known only to the Integrity office.
    /// </summary>
    public static bool MaySeeContact(CaseParticipant viewer, CaseKind kind, bool handledByIntegrityOffice) =>
        viewer.Is(Actor.Submitter)
        || (kind == CaseKind.Report ? viewer.IsHandler && handledByIntegrityOffice : viewer.IsHandler || viewer.Is(Actor.Dispatcher));
}
