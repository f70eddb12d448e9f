using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Reporting.Queries;

/// <summary>The frozen monthly reports, newest first, and the past months an admin could still freeze.</summary>
public sealed record ListMonthlyReports : IQuery<MonthlyReportList>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => ReportAccess.MayRead(user);
}

public sealed record MonthlyReportEntry(ReportMonth Month, DateTimeOffset FrozenAt, bool ByAdmin);

public sealed record MonthlyReportList(IReadOnlyList<MonthlyReportEntry> Reports, IReadOnlyList<ReportMonth> Unfrozen);

public sealed class ListMonthlyReportsHandler(FeedbackDbContext db, KpiSource source) : IQueryHandler<ListMonthlyReports, MonthlyReportList>
{
    /// <summary>How far back the list offers months to freeze.</summary>
    private const int OfferMonths = 24;

    public async ValueTask<MonthlyReportList> Handle(ListMonthlyReports query, CancellationToken cancellationToken)
    {
        var rows = await db.MonthlyReports.AsNoTracking()
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Month)
            .Select(r => new { r.Year, r.Month, r.FrozenAt, r.FrozenById })
            .ToListAsync(cancellationToken);
        var reports = rows.Select(r => new MonthlyReportEntry(new ReportMonth(r.Year, r.Month), r.FrozenAt, r.FrozenById != null)).ToList();
        var frozen = reports.Select(r => r.Month).ToHashSet();
        var current = await source.CurrentMonthAsync(cancellationToken);
        var unfrozen = current.Previous.Trailing(OfferMonths).Where(m => !frozen.Contains(m)).Reverse().ToList();
        return new MonthlyReportList(reports, unfrozen);
    }
}
