using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Reporting.Commands;

/// <summary>
/// Freezes a month's report: counts it once and stores the figures, which are never recomputed. Sent by the
/// month-end job (as the system) and by an admin for any past month not yet frozen. A month that has not
/// ended, or one already frozen, is refused.
/// </summary>
public sealed record FreezeMonthlyReport(string Month) : ICommand<ReportMonth>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user is SystemUser || user.IsInRole(Roles.Admin);

    public IEnumerable<ValidationError> Validate()
    {
        if (ReportMonth.Parse(Month) is null) yield return new(nameof(Month), "Reports.Month.Invalid");
    }
}

public sealed class FreezeMonthlyReportHandler(FeedbackDbContext db, KpiSource source, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<FreezeMonthlyReport, ReportMonth>
{
    private static readonly KpiDimension[] AllDimensions = Enum.GetValues<KpiDimension>();

    public async ValueTask<ReportMonth> Handle(FreezeMonthlyReport command, CancellationToken cancellationToken)
    {
        var month = ReportMonth.Parse(command.Month)!.Value;
        var now = clock.GetUtcNow();
        if (month.End(await source.TimeZoneAsync(cancellationToken)) > now)
            throw new DomainRuleException("Reports.Freeze.NotEnded", month.ToString());
        if (await db.MonthlyReports.AnyAsync(r => r.Year == month.Year && r.Month == month.Month, cancellationToken))
            throw new DomainRuleException("Reports.Freeze.AlreadyFrozen", month.ToString());
        var snapshot = await source.CountAsync(month, KpiFilter.All, withP90: true, AllDimensions, cancellationToken);
        db.MonthlyReports.Add(MonthlyReport.Freeze(month, new MonthlyReportFigures(snapshot.Cells, snapshot.ResolutionP90Hours, snapshot.Reviews),
            user is SystemUser ? null : user.UserId, now));
        return month;
    }
}
