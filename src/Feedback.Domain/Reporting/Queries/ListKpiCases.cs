using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Reporting.Queries;

/// <summary>
/// The cases behind one figure of the dashboard (drill-down), counted by the same definitions as the figure,
/// paged in SQL. No personal data: managers see what happened to a case, not who filed it.
/// Only the cases the viewer may open are listed (<see cref="CaseAccess.OpenableInStaffView"/>: a head their own
/// department's, the service centre all, an admin none); the others are counted, not listed (ADR 0017), so a
/// head of the department a misconduct report accuses learns nothing about it here.
/// With <see cref="All"/> (the CSV export) every listed case up to <see cref="ExportLimit"/> comes back in one page.
/// The cases are those the definitions select now: a frozen month's report may differ from today's list.
/// </summary>
public sealed record ListKpiCases(
    string? Month, KpiMeasure Measure, Guid? DepartmentId = null, Guid? CategoryId = null, Guid? ServiceAreaId = null, CaseKind? Kind = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize, bool All = false) : IQuery<KpiCaseList>, IAuthorizedMessage, IValidate
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

/// <param name="Cases">The cases the viewer may open, paged.</param>
/// <param name="NotListed">Cases behind the figure that the viewer may not open: counted in the figure, not listed.</param>
public sealed record KpiCaseList(PagedList<KpiCaseRow> Cases, int NotListed);

public sealed record KpiCaseRow(
    Guid Id, string TrackingNumber, CaseKind Kind, CaseStatus Status, Guid? DepartmentId, Guid CategoryId, Guid ServiceAreaId,
    DateTimeOffset SubmittedAt, DateTimeOffset? ContactBy, DateTimeOffset? FirstContactedAt, DateTimeOffset? OriginalResolveBy,
    DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, double? ResolutionWorkingHours, bool IsRepeatComplaint, int? SurveyScore);

public sealed class ListKpiCasesHandler(FeedbackDbContext db, KpiSource source, ICurrentUser user) : IQueryHandler<ListKpiCases, KpiCaseList>
{
    public async ValueTask<KpiCaseList> Handle(ListKpiCases query, CancellationToken cancellationToken)
    {
        var month = ReportMonth.Parse(query.Month) ?? await source.CurrentMonthAsync(cancellationToken);
        var window = await source.WindowAsync(month, cancellationToken);
        var behind = new KpiCalculator(db).CasesBehind(query.Measure, window, new KpiFilter(query.DepartmentId, query.CategoryId, query.ServiceAreaId, query.Kind));
        var cases = behind.Where(CaseAccess.OpenableInStaffView(user));
        var total = await cases.CountAsync(cancellationToken);
        var notListed = await behind.CountAsync(cancellationToken) - total;
        var (skip, take) = query.All ? (0, ListKpiCases.ExportLimit) : (Paging.Skip(query.Page, query.PageSize), query.PageSize);
        var rows = await cases.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).Skip(skip).Take(take)
            .Select(c => new KpiCaseRow(c.Id, c.TrackingNumber, c.Kind, c.Status, c.DepartmentId, c.CategoryId, c.ServiceAreaId,
                c.SubmittedAt, c.ContactBy, c.FirstContactedAt, c.OriginalResolveBy, c.ResolvedAt, c.ClosedAt,
                c.AchievedResolveMinutes / 60.0, c.IsRepeatComplaint,
                db.Surveys.Where(s => s.CaseId == c.Id).Select(s => s.Score).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new KpiCaseList(new PagedList<KpiCaseRow>(rows, query.All ? 1 : query.Page, query.All ? Math.Max(1, rows.Count) : query.PageSize, total), notListed);
    }
}
