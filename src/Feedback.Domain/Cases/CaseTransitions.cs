using System.Collections.Frozen;

namespace Feedback.Domain.Cases;

/// <summary>One row of the lifecycle: in <see cref="From"/>, <see cref="Action"/> by one of <see cref="By"/> leads to <see cref="To"/>.</summary>
public sealed record Transition(CaseStatus From, CaseAction Action, CaseStatus To, IReadOnlySet<Actor> By);

/// <summary>
/// The case lifecycle of DESIGN §3 — the only place that says which status changes exist and who may make
/// them. <see cref="Case"/> consults it for every change; pages ask it which buttons to show.
/// </summary>
public static class CaseTransitions
{
    private static readonly Actor[] Handlers = [Actor.Staff, Actor.DepartmentHead];

    public static readonly IReadOnlyList<Transition> All =
    [
        T(CaseStatus.Submitted, CaseAction.Route, CaseStatus.Assigned, Actor.System, Actor.Dispatcher),
        T(CaseStatus.Submitted, CaseAction.Reject, CaseStatus.Rejected, Actor.Dispatcher),

        T(CaseStatus.Assigned, CaseAction.Accept, CaseStatus.InProgress, Handlers),
        T(CaseStatus.Assigned, CaseAction.Reassign, CaseStatus.Assigned, Actor.DepartmentHead, Actor.Dispatcher),
        T(CaseStatus.Assigned, CaseAction.ReturnToDispatcher, CaseStatus.Submitted, Handlers),

        T(CaseStatus.InProgress, CaseAction.Reassign, CaseStatus.Assigned, Actor.DepartmentHead, Actor.Dispatcher),
        T(CaseStatus.InProgress, CaseAction.RequestInfo, CaseStatus.AwaitingInfo, Handlers),
        T(CaseStatus.InProgress, CaseAction.Resolve, CaseStatus.Resolved, Handlers),

        // Staff may record information the customer gave by phone.
        T(CaseStatus.AwaitingInfo, CaseAction.ProvideInfo, CaseStatus.InProgress, Actor.Submitter, Actor.Staff, Actor.DepartmentHead),

        T(CaseStatus.Resolved, CaseAction.ConfirmResolution, CaseStatus.Closed, Actor.Submitter),
        T(CaseStatus.Resolved, CaseAction.RejectResolution, CaseStatus.Reopened, Actor.Submitter),
        T(CaseStatus.Resolved, CaseAction.AutoClose, CaseStatus.Closed, Actor.System),

        T(CaseStatus.Reopened, CaseAction.Resume, CaseStatus.InProgress, Handlers),
        T(CaseStatus.Reopened, CaseAction.Reassign, CaseStatus.Assigned, Actor.DepartmentHead, Actor.Dispatcher),
    ];

    private static readonly FrozenDictionary<(CaseStatus, CaseAction), Transition> ByStatusAndAction =
        All.ToFrozenDictionary(t => (t.From, t.Action));

    /// <summary>The transition for this action from this status, or null when the lifecycle has none.</summary>
    public static Transition? Find(CaseStatus from, CaseAction action) =>
        ByStatusAndAction.GetValueOrDefault((from, action));

    public static bool IsAllowed(CaseStatus from, CaseAction action, Actor actor) =>
        Find(from, action)?.By.Contains(actor) == true;

    /// <summary>The actions someone holding any of <paramref name="capacities"/> may take now.</summary>
    public static IReadOnlyList<CaseAction> AvailableTo(CaseStatus from, IReadOnlySet<Actor> capacities) =>
        All.Where(t => t.From == from && t.By.Overlaps(capacities)).Select(t => t.Action).Distinct().ToList();

    public static bool IsTerminal(CaseStatus status) => status is CaseStatus.Closed or CaseStatus.Rejected;

    /// <summary>Open = still owed work or an answer by the organisation or the customer.</summary>
    public static bool IsOpen(CaseStatus status) => !IsTerminal(status);

    /// <summary>The open statuses as a list, for queries (an IN list can use the (…, Status) indexes).</summary>
    public static readonly IReadOnlyList<CaseStatus> OpenStatuses = Enum.GetValues<CaseStatus>().Where(IsOpen).ToArray();

    private static Transition T(CaseStatus from, CaseAction action, CaseStatus to, params Actor[] by) =>
        new(from, action, to, by.ToFrozenSet());
}
