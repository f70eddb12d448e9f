using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Mediator;

namespace Feedback.Domain.Reporting.Queries;

/// <summary>
/// The manager dashboard: the KPIs of a month against the month before and the same month a year earlier,
/// the last 12 months' trend and a table by department (or category, area, kind), for any filter.
/// </summary>
public sealed record GetDashboard(
    string? Month = null, Guid? DepartmentId = null, Guid? CategoryId = null, Guid? ServiceAreaId = null, CaseKind? Kind = null,
    KpiDimension By = KpiDimension.Department) : IQuery<DashboardView>, IAuthorizedMessage, IValidate
{
    public const int TrendMonths = 12;

    public bool IsAuthorizedFor(ICurrentUser user) => ReportAccess.MayRead(user);

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in ReportAccess.ValidateMonth(Month)) yield return e;
        if (Kind is { } kind) foreach (var e in Check.Defined(kind, nameof(Kind))) yield return e;
        foreach (var e in Check.Defined(By, nameof(By))) yield return e;
    }

    public KpiFilter Filter => new(DepartmentId, CategoryId, ServiceAreaId, Kind);
}

public sealed record TrendPoint(ReportMonth Month, KpiCounts Counts, bool IsFrozen);

public sealed record DashboardView(
    ReportMonth Month, ReportMonth CurrentMonth, KpiFilter Filter, KpiDimension By,
    KpiSnapshot Selected, KpiSnapshot Previous, KpiSnapshot LastYear, IReadOnlyList<TrendPoint> Trend);

public sealed class GetDashboardHandler(KpiSource source) : IQueryHandler<GetDashboard, DashboardView>
{
    public async ValueTask<DashboardView> Handle(GetDashboard query, CancellationToken cancellationToken)
    {
        var current = await source.CurrentMonthAsync(cancellationToken);
        var month = ReportMonth.Parse(query.Month) ?? current;
        if (month > current)
            throw new ValidationException([new ValidationError(nameof(query.Month), "Reports.Month.Future")]);
        var filter = query.Filter;
        var selected = await source.LoadAsync(month, filter, withP90: true, query.By, cancellationToken);
        var previous = await source.LoadAsync(month.Previous, filter, withP90: true, null, cancellationToken);
        var lastYear = await source.LoadAsync(month.SameMonthLastYear, filter, withP90: true, null, cancellationToken);
        var trend = new List<TrendPoint>();
        foreach (var m in month.Trailing(GetDashboard.TrendMonths))
        {
            var snapshot = m == month ? selected : m == month.Previous ? previous
                : await source.LoadAsync(m, filter, withP90: false, null, cancellationToken);
            trend.Add(new TrendPoint(m, snapshot.Total, snapshot.IsFrozen));
        }
        return new DashboardView(month, current, filter, query.By, selected, previous, lastYear, trend);
    }
}
