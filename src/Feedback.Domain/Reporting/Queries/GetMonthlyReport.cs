using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Reporting.Queries;

/// <summary>A frozen monthly report, exactly as stored (a month not frozen is not found).</summary>
public sealed record GetMonthlyReport(string Month) : IQuery<KpiSnapshot>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => ReportAccess.MayRead(user);

    public IEnumerable<ValidationError> Validate()
    {
        if (ReportMonth.Parse(Month) is null) yield return new(nameof(Month), "Reports.Month.Invalid");
    }
}

public sealed class GetMonthlyReportHandler(FeedbackDbContext db) : IQueryHandler<GetMonthlyReport, KpiSnapshot>
{
    public async ValueTask<KpiSnapshot> Handle(GetMonthlyReport query, CancellationToken cancellationToken)
    {
        var month = ReportMonth.Parse(query.Month)!.Value;
        var report = await db.MonthlyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == month.Year && r.Month == month.Month, cancellationToken)
            ?? throw new NotFoundException();
        var figures = report.Figures();
        return new KpiSnapshot(month, report.FrozenAt, figures.Cells, figures.ResolutionP90Hours, figures.Reviews);
    }
}
