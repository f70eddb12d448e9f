using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Reporting.Queries;

/// <summary>
/// The cases behind one figure of the dashboard (drill-down), counted by the same definitions as the figure,
/// paged in SQL. No personal data: managers see what happened to a case, not who filed it.
/// With <see cref="All"/> (the CSV export) every case up to <see cref="ExportLimit"/> comes back in one page.
/// The cases are those the definitions select now: a frozen month's report may differ from today's list.
/// </summary>
public sealed record ListKpiCases(
    string? Month, KpiMeasure Measure, Guid? DepartmentId = null, Guid? CategoryId = null, Guid? ServiceAreaId = null, CaseKind? Kind = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize, bool All = false) : IQuery<PagedList<KpiCaseRow>>, IAuthorizedMessage, IValidate
{
    public const int ExportLimit = 100_000;

    public bool IsAuthorizedFor(ICurrentUser user) => ReportAccess.MayRead(user);

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in ReportAccess.ValidateMonth(Month)) yield return e;
        foreach (var e in Check.Defined(Measure, nameof(Measure))) yield return e;
        if (Kind is { } kind) foreach (var e in Check.Defined(kind, nameof(Kind))) yield return e;
        if (!All) foreach (var e in Paging.Validate(Page, PageSize)) yield return e;
    }
}

public sealed record KpiCaseRow(
    Guid Id, string TrackingNumber, CaseKind Kind, CaseStatus Status, Guid? DepartmentId, Guid CategoryId, Guid ServiceAreaId,
    DateTimeOffset SubmittedAt, DateTimeOffset? ContactBy, DateTimeOffset? FirstContactedAt, DateTimeOffset? OriginalResolveBy,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, double? ResolutionWorkingHours, bool IsRepeatComplaint, int? SurveyScore);

public sealed class ListKpiCasesHandler(FeedbackDbContext db, KpiSource source) : IQueryHandler<ListKpiCases, PagedList<KpiCaseRow>>
{
    public async ValueTask<PagedList<KpiCaseRow>> Handle(ListKpiCases query, CancellationToken cancellationToken)
    {
        var month = ReportMonth.Parse(query.Month) ?? await source.CurrentMonthAsync(cancellationToken);
        var window = await source.WindowAsync(month, cancellationToken);
        var cases = new KpiCalculator(db).CasesBehind(query.Measure, window, new KpiFilter(query.DepartmentId, query.CategoryId, query.ServiceAreaId, query.Kind));
        var total = await cases.CountAsync(cancellationToken);
        var (skip, take) = query.All ? (0, ListKpiCases.ExportLimit) : (Paging.Skip(query.Page, query.PageSize), query.PageSize);
        var rows = await cases.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Skip(skip).Take(take)
            .Select(c => new KpiCaseRow(c.Id, c.TrackingNumber, c.Kind, c.Status, c.DepartmentId, c.CategoryId, c.ServiceAreaId,
                c.SubmittedAt, c.ContactBy, c.FirstContactedAt, c.OriginalResolveBy, c.ResolvedAt, c.ClosedAt,
                c.AchievedResolveMinutes / 60.0, c.IsRepeatComplaint,
                db.Surveys.Where(s => s.CaseId == c.Id).Select(s => s.Score).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new PagedList<KpiCaseRow>(rows, query.All ? 1 : query.Page, query.All ? Math.Max(1, rows.Count) : query.PageSize, total);
    }
}
