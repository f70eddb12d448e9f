using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>
/// What the retention sweep has to do, for the admin: counts only, never a case (admins do not read cases,
/// ADR 0006). Each count is a range of the (AnonymisedAt, ClosedAt) index.
/// </summary>
public sealed record GetRetentionStatus(int RetentionDays) : IQuery<RetentionStatus>, IAuthorizedMessage
{
    /// <summary>How far ahead "due soon" looks.</summary>
    public const int SoonDays = 30;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

/// <param name="DueNow">Closed longer ago than the retention period and not yet anonymised.</param>
/// <param name="DueSoon">Falling due within the next <see cref="GetRetentionStatus.SoonDays"/> days.</param>
/// <param name="Anonymised">Anonymised so far.</param>
public sealed record RetentionStatus(int RetentionDays, int DueNow, int DueSoon, int Anonymised, DateTimeOffset? LastAnonymisedAt);

public sealed class GetRetentionStatusHandler(FeedbackDbContext db, TimeProvider clock) : IQueryHandler<GetRetentionStatus, RetentionStatus>
{
    public async ValueTask<RetentionStatus> Handle(GetRetentionStatus query, CancellationToken cancellationToken)
    {
        var closedBy = AnonymiseExpiredCases.DueIfClosedBy(clock.GetUtcNow(), query.RetentionDays);
        var soonBy = closedBy.AddDays(GetRetentionStatus.SoonDays);
        var pending = db.Cases.Where(c => c.AnonymisedAt == null && c.ClosedAt != null);
        var dueNow = await pending.CountAsync(c => c.ClosedAt <= closedBy, cancellationToken);
        var dueSoon = await pending.CountAsync(c => c.ClosedAt > closedBy && c.ClosedAt <= soonBy, cancellationToken);
        var anonymised = await db.Cases.CountAsync(c => c.AnonymisedAt != null, cancellationToken);
        var last = await db.Cases.Where(c => c.AnonymisedAt != null).MaxAsync(c => c.AnonymisedAt, cancellationToken);
        return new RetentionStatus(query.RetentionDays, dueNow, dueSoon, anonymised, last);
    }
}
