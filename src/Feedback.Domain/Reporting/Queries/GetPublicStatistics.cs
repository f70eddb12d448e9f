using Feedback.Domain.Common;
using Mediator;

namespace Feedback.Domain.Reporting.Queries;

/// <summary>
/// The public statistics page: per month received, closed, on-time (commitment-fulfilment) rate and
/// satisfaction rate for the whole organisation. Totals only: no case, no person, no department's detail.
/// </summary>
public sealed record GetPublicStatistics(int Months = 12) : IQuery<IReadOnlyList<PublicMonthStatistics>>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate()
    {
        if (Months is < 1 or > 24) yield return new(nameof(Months), "Validation.Invalid");
    }
}

/// <param name="IsInProgress">The current month, still being counted. A past month that was never frozen (the
/// platform was not running at its end) is over all the same.</param>
public sealed record PublicMonthStatistics(ReportMonth Month, int Received, int Closed, double? OnTimeRate, double? SatisfactionRate, bool IsFrozen,
    bool IsInProgress = false);

public sealed class GetPublicStatisticsHandler(KpiSource source) : IQueryHandler<GetPublicStatistics, IReadOnlyList<PublicMonthStatistics>>
{
    public async ValueTask<IReadOnlyList<PublicMonthStatistics>> Handle(GetPublicStatistics query, CancellationToken cancellationToken)
    {
        var current = await source.CurrentMonthAsync(cancellationToken);
        var result = new List<PublicMonthStatistics>();
        foreach (var month in current.Trailing(query.Months))
        {
            var snapshot = await source.LoadAsync(month, KpiFilter.All, withP90: false, null, cancellationToken);
            var total = snapshot.Total;
            result.Add(new PublicMonthStatistics(month, total.Received, total.Closed, total.CommitmentFulfilmentRate, total.SatisfactionRate,
                snapshot.IsFrozen, !snapshot.IsFrozen && month == current));
        }
        return result;
    }
}
