using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Queries;

/// <summary>
/// For managers: average review scores per service point, dimension and month; findings per department; each
/// supervisor's activity in their current term. Every figure is an aggregate computed in SQL.
/// </summary>
/// <param name="FromMonth">yyyyMM, inclusive.</param>
/// <param name="ToMonth">yyyyMM, inclusive.</param>
public sealed record GetSupervisionReport(int FromMonth, int ToMonth) : IQuery<SupervisionReport>, IAuthorizedMessage, IValidate
{
    public const int MaxMonths = 36;

    public bool IsAuthorizedFor(ICurrentUser user) => SupervisionReaders.IsManager(user);

    public IEnumerable<ValidationError> Validate()
    {
        if (!IsMonth(FromMonth)) yield return new(nameof(FromMonth), "Validation.Invalid");
        if (!IsMonth(ToMonth)) yield return new(nameof(ToMonth), "Validation.Invalid");
        else if (IsMonth(FromMonth) && (ToMonth < FromMonth || MonthIndex(ToMonth) - MonthIndex(FromMonth) >= MaxMonths))
            yield return new(nameof(ToMonth), "Supervision.Report.Range", MaxMonths);
    }

    public static bool IsMonth(int month) => month / 100 is >= 2000 and <= 2100 && month % 100 is >= 1 and <= 12;

    public static int MonthIndex(int month) => month / 100 * 12 + month % 100 - 1;

    public IReadOnlyList<int> Months() =>
        Enumerable.Range(MonthIndex(FromMonth), MonthIndex(ToMonth) - MonthIndex(FromMonth) + 1).Select(i => i / 12 * 100 + i % 12 + 1).ToList();
}

public sealed record SupervisionReport(
    IReadOnlyList<int> Months,
    IReadOnlyList<ScoreCell> Scores,
    IReadOnlyList<DepartmentFindings> FindingsByDepartment,
    IReadOnlyList<SupervisorActivity> Activity);

public sealed record ScoreCell(Guid ServicePointId, string ServicePointZh, string ServicePointEn, Guid DimensionId, string DimensionZh, string DimensionEn,
    int Month, double Average, int Count);

public sealed record DepartmentFindings(Guid? DepartmentId, int Total, int Open, int AwaitingVerification, int Closed);

public sealed record SupervisorActivity(string Name, string Affiliation, DateOnly TermStartsOn, DateOnly TermEndsOn, int Reviews, int Findings, int Verifications);

public sealed class GetSupervisionReportHandler(FeedbackDbContext db) : IQueryHandler<GetSupervisionReport, SupervisionReport>
{
    public async ValueTask<SupervisionReport> Handle(GetSupervisionReport query, CancellationToken cancellationToken)
    {
        var scores = await (
                from r in db.Reviews
                where r.VisitMonth >= query.FromMonth && r.VisitMonth <= query.ToMonth && r.ServicePointId != null
                join s in db.ReviewScores on r.Id equals s.ReviewId
                group s.Score by new { ServicePointId = r.ServicePointId!.Value, s.DimensionId, r.VisitMonth } into g
                select new { g.Key.ServicePointId, g.Key.DimensionId, g.Key.VisitMonth, Average = g.Average(x => (double)x), Count = g.Count() })
            .ToListAsync(cancellationToken);
        var points = await db.ServicePoints.AsNoTracking().Select(p => new { p.Id, p.NameZh, p.NameEn, p.SortOrder, p.Code }).ToListAsync(cancellationToken);
        var dimensions = await db.ReviewDimensions.AsNoTracking().Select(d => new { d.Id, d.NameZh, d.NameEn, d.SortOrder, d.Code }).ToListAsync(cancellationToken);
        var cells = (
                from s in scores
                join p in points on s.ServicePointId equals p.Id
                join d in dimensions on s.DimensionId equals d.Id
                orderby p.SortOrder, p.Code, d.SortOrder, d.Code, s.VisitMonth
                select new ScoreCell(p.Id, p.NameZh, p.NameEn, d.Id, d.NameZh, d.NameEn, s.VisitMonth, Math.Round(s.Average, 2), s.Count))
            .ToList();

        var closedStatuses = new[] { CaseStatus.Closed, CaseStatus.Rejected };
        var byDepartment = await (
                from r in db.Reviews
                where r.VisitMonth >= query.FromMonth && r.VisitMonth <= query.ToMonth
                join f in db.ReviewFindings on r.Id equals f.ReviewId
                join c in db.Cases on f.CaseId equals c.Id
                group c by c.DepartmentId into g
                select new DepartmentFindings(g.Key, g.Count(),
                    g.Count(c => !closedStatuses.Contains(c.Status) && c.Status != CaseStatus.Resolved),
                    g.Count(c => c.Status == CaseStatus.Resolved),
                    g.Count(c => closedStatuses.Contains(c.Status))))
            .ToListAsync(cancellationToken);

        var verifications = new CaseAction?[] { CaseAction.ConfirmResolution, CaseAction.RejectResolution };
        var activity = await db.Supervisors.AsNoTracking()
            .OrderBy(s => s.Name)
            .Select(s => new SupervisorActivity(s.Name, s.Affiliation, s.TermStartsOn, s.TermEndsOn,
                db.Reviews.Count(r => r.SupervisorUserId == s.UserId && r.VisitedOn >= s.TermStartsOn && r.VisitedOn <= s.TermEndsOn),
                (from f in db.ReviewFindings
                 join r in db.Reviews on f.ReviewId equals r.Id
                 where f.SupervisorUserId == s.UserId && r.VisitedOn >= s.TermStartsOn && r.VisitedOn <= s.TermEndsOn
                 select f).Count(),
                (from f in db.ReviewFindings
                 join e in db.CaseEvents on f.CaseId equals e.CaseId
                 where f.SupervisorUserId == s.UserId && e.ActorUserId == s.UserId && verifications.Contains(e.Action)
                 select e).Count()))
            .ToListAsync(cancellationToken);
        return new SupervisionReport(query.Months(), cells, byDepartment, activity);
    }
}
