using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing.Queries;

/// <summary>How many notices wait for the reader's approval: the badge in the staff navigation (one COUNT on the inbox's index).</summary>
public sealed record CountOutcomeApprovals : IQuery<int>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => OutcomeApprovals.MayList(user);
}

public sealed class CountOutcomeApprovalsHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<CountOutcomeApprovals, int>
{
    public async ValueTask<int> Handle(CountOutcomeApprovals query, CancellationToken cancellationToken) =>
        await OutcomeApprovals.Awaiting(db, user).CountAsync(cancellationToken);
}
