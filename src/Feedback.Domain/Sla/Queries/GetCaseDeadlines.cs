using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Queries;

/// <summary>
/// Everything about a case's deadlines that its handlers and the service centre see: the original and the
/// effective deadlines, the pauses with their reasons, the extensions, the escalation ladder, and what the
/// viewer may do about them. The pauses and the paused time are replayed up to now.
/// </summary>
public sealed record GetCaseDeadlines(Guid CaseId) : IQuery<CaseDeadlinesView>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) =>
        CaseAccess.WorksCases(user);
}

public sealed record CaseDeadlinesView
{
    public required Guid CaseId { get; init; }
    public required CaseStatus Status { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ContactBy { get; init; }
    public DateTimeOffset? FirstContactedAt { get; init; }
    public long? ContactTargetMinutes { get; init; }
    public long? AchievedContactMinutes { get; init; }
    public long? ContactDifferenceMinutes { get; init; }
    /// <summary>Without extensions: what the KPIs hold the case to.</summary>
    public DateTimeOffset? OriginalResolveBy { get; init; }
    public DateTimeOffset? ResolveBy { get; init; }
    public long? ResolveTargetMinutes { get; init; }
    public long? AchievedResolveMinutes { get; init; }
    public long? ResolveDifferenceMinutes { get; init; }
    public required long PausedWorkingMinutes { get; init; }
    public required bool IsPaused { get; init; }
    public required IReadOnlyList<PauseView> Pauses { get; init; }
    public required IReadOnlyList<ExtensionView> Extensions { get; init; }
    public required EscalationLevel EscalationLevel { get; init; }
    public DateTimeOffset? WarnedAt { get; init; }
    public DateTimeOffset? OverdueAt { get; init; }
    public DateTimeOffset? EscalatedAt { get; init; }
    public DateTimeOffset? NextEscalationAt { get; init; }
    public required bool MayRequestExtension { get; init; }
    public required bool MayDecideExtension { get; init; }

    public bool HasDeadlines => ResolveBy is not null;
    public bool IsExtended => ResolveBy is { } effective && OriginalResolveBy is { } original && effective != original;
}

/// <param name="WorkingMinutes">Working minutes the clock stood still in this stop (so far, for an open one).</param>
public sealed record PauseView(DateTimeOffset Start, DateTimeOffset? End, ClockStopKind Kind, string? Reason, long WorkingMinutes);

public sealed record ExtensionView(
    Guid Id, int WorkingDays, string Reason, DateTimeOffset RequestedAt, string RequestedByName,
    DateTimeOffset ResolveByWhenRequested, DateTimeOffset ProposedResolveBy, ExtensionStatus Status,
    DateTimeOffset? DecidedAt, string? DecidedByName, string? DecisionNote);

public sealed class GetCaseDeadlinesHandler(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCaseDeadlines, CaseDeadlinesView>
{
    private static readonly Actor[] StaffCapacities = [Actor.Staff, Actor.DepartmentHead, Actor.Dispatcher];

    public async ValueTask<CaseDeadlinesView> Handle(GetCaseDeadlines query, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking()
            .Include(c => c.Extensions)
            .FirstOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)
            ?? throw new NotFoundException();
        var seen = CaseAccess.For(user, @case);
        var viewer = seen with { Capacities = seen.Capacities.Where(StaffCapacities.Contains).ToHashSet() };
        if (!viewer.CanSee)
            throw new NotFoundException();

        // Only the status changes matter to the clock; notes and replies stay in the database.
        var changes = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == @case.Id && e.Type == CaseEventType.StatusChanged)
            .ToListAsync(cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var stops = DeadlineReplay.Stops(changes);
        var pending = @case.Extensions.Any(e => e.Status == ExtensionStatus.Pending);

        return new CaseDeadlinesView
        {
            CaseId = @case.Id,
            Status = @case.Status,
            SubmittedAt = @case.SubmittedAt,
            ContactBy = @case.ContactBy,
            FirstContactedAt = @case.FirstContactedAt,
            ContactTargetMinutes = @case.ContactTargetMinutes,
            AchievedContactMinutes = @case.AchievedContactMinutes,
            ContactDifferenceMinutes = @case.ContactDifferenceMinutes,
            OriginalResolveBy = @case.OriginalResolveBy,
            ResolveBy = @case.ResolveBy,
            ResolveTargetMinutes = @case.ResolveTargetMinutes,
            AchievedResolveMinutes = @case.AchievedResolveMinutes,
            ResolveDifferenceMinutes = @case.ResolveDifferenceMinutes,
            PausedWorkingMinutes = DeadlineReplay.PausedMinutes(calendar, @case.SubmittedAt, stops, now),
            IsPaused = @case.Status == CaseStatus.AwaitingInfo,
            Pauses = stops
                .Where(s => s.Kind != ClockStopKind.Ended && (s.Kind == ClockStopKind.AwaitingInfo || s.End is not null))
                .Select(s => new PauseView(s.Start, s.End, s.Kind, s.Reason, calendar.WorkingMinutesBetween(s.Start, s.End ?? now)))
                .ToList(),
            Extensions = @case.Extensions.OrderBy(e => e.RequestedAt)
                .Select(e => new ExtensionView(e.Id, e.WorkingDays, e.Reason, e.RequestedAt, e.RequestedByName, e.ResolveByWhenRequested,
                    e.ProposedResolveBy, e.Status, e.DecidedAt, e.DecidedByName, e.DecisionNote))
                .ToList(),
            EscalationLevel = @case.EscalationLevel,
            WarnedAt = @case.WarnedAt,
            OverdueAt = @case.OverdueAt,
            EscalatedAt = @case.EscalatedAt,
            NextEscalationAt = @case.NextEscalationAt,
            MayRequestExtension = viewer.IsHandler && @case.IsOpen && @case.Status != CaseStatus.Resolved && @case.ResolveBy is not null && !pending,
            MayDecideExtension = viewer.Is(Actor.DepartmentHead) && pending,
        };
    }
}
