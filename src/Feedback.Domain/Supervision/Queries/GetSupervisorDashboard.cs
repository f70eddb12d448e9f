using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Queries;

/// <summary>
/// The supervisor's own page: their term(s), their reviews, their findings with status and deadlines, and
/// what awaits their verification (findings resolved by staff). Only their own; once the term has ended,
/// the term alone.
/// </summary>
public sealed record GetSupervisorDashboard : IQuery<SupervisorDashboard>, IAuthorizedMessage
{
    public const int ListSize = 50;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Supervisor);
}

public sealed record SupervisorDashboard(
    string Name, string Affiliation, bool IsServing, DateOnly TermStartsOn, DateOnly TermEndsOn, IReadOnlyList<TermRow> Terms,
    IReadOnlyList<ReviewRow> Reviews, IReadOnlyList<FindingRow> Findings, IReadOnlyList<FindingRow> AwaitingVerification);

public sealed record TermRow(DateOnly StartsOn, DateOnly EndsOn);

public sealed record ReviewRow(Guid Id, DateOnly VisitedOn, ReviewTarget Target, Guid? ServicePointId, string? ServicePointZh, string? ServicePointEn,
    Guid? DepartmentId, Guid ServiceAreaId, double AverageScore, int FindingCount);

public sealed record FindingRow(Guid CaseId, string TrackingNumber, string Subject, CaseStatus Status, Guid? DepartmentId,
    DateTimeOffset SubmittedAt, DateTimeOffset? ResolveBy);

public sealed class GetSupervisorDashboardHandler(FeedbackDbContext db, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetSupervisorDashboard, SupervisorDashboard>
{
    public async ValueTask<SupervisorDashboard> Handle(GetSupervisorDashboard query, CancellationToken cancellationToken)
    {
        var me = user.UserId ?? throw new ForbiddenException();
        var supervisor = await db.Supervisors.AsNoTracking().Include(s => s.Terms).FirstOrDefaultAsync(s => s.UserId == me, cancellationToken)
            ?? throw new ForbiddenException("Supervision.NotServing");
        var today = await SupervisorTerms.TodayAsync(db, calendars, clock, cancellationToken);
        var serving = supervisor.IsServingOn(today);
        var terms = supervisor.Terms.OrderBy(t => t.StartsOn).Select(t => new TermRow(t.StartsOn, t.EndsOn)).ToList();
        if (!serving)
            return new SupervisorDashboard(supervisor.Name, supervisor.Affiliation, false, supervisor.TermStartsOn, supervisor.TermEndsOn, terms, [], [], []);

        var reviews = await db.Reviews.AsNoTracking()
            .Where(r => r.SupervisorUserId == me)
            .OrderByDescending(r => r.VisitedOn).ThenByDescending(r => r.SubmittedAt)
            .Take(GetSupervisorDashboard.ListSize)
            .Select(r => new ReviewRow(r.Id, r.VisitedOn, r.Target, r.ServicePointId,
                db.ServicePoints.Where(p => p.Id == r.ServicePointId).Select(p => p.NameZh).FirstOrDefault(),
                db.ServicePoints.Where(p => p.Id == r.ServicePointId).Select(p => p.NameEn).FirstOrDefault(),
                r.DepartmentId, r.ServiceAreaId,
                r.Scores.Average(s => (double)s.Score), r.Findings.Count))
            .ToListAsync(cancellationToken);
        var mine = db.Cases.AsNoTracking().Where(c => c.SubmitterUserId == me && c.Kind == CaseKind.SupervisionFinding);
        var findings = await Rows(mine, cancellationToken);
        // Asked on its own: a resolved finding must not drop out of "awaiting my verification" behind newer ones.
        var awaiting = await Rows(mine.Where(c => c.Status == CaseStatus.Resolved), cancellationToken);
        return new SupervisorDashboard(supervisor.Name, supervisor.Affiliation, true, supervisor.TermStartsOn, supervisor.TermEndsOn, terms,
            reviews, findings, awaiting);
    }

    private static Task<List<FindingRow>> Rows(IQueryable<Case> cases, CancellationToken cancellationToken) =>
        cases.OrderByDescending(c => c.SubmittedAt)
            .Take(GetSupervisorDashboard.ListSize)
            .Select(c => new FindingRow(c.Id, c.TrackingNumber, c.Subject, c.Status, c.DepartmentId, c.SubmittedAt, c.ResolveBy))
            .ToListAsync(cancellationToken);
}
