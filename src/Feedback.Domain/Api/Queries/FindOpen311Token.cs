using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Queries;

/// <summary>Open311 <c>GET tokens/{token}</c>: the service request id a token stands for.</summary>
public sealed record FindOpen311Token(string Token) : IQuery<string>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

public sealed class FindOpen311TokenHandler(FeedbackDbContext db) : IQueryHandler<FindOpen311Token, string>
{
    public async ValueTask<string> Handle(FindOpen311Token query, CancellationToken cancellationToken) =>
        await db.Open311Details.AsNoTracking()
            .Where(d => d.Token == query.Token)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => c)
            .Where(c => c.Kind != CaseKind.Report)
            .Select(c => c.TrackingNumber)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException();
}
