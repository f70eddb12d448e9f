using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Queries;

/// <summary>
/// The case a tracking number names, for those who work cases (the hotline API addresses cases by the number
/// the caller reads out). A case this user may not see is not found either: its number reveals nothing.
/// </summary>
public sealed record FindCaseByTrackingNumber(string TrackingNumber) : IQuery<Guid>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => CaseAccess.WorksCases(user);
}

public sealed class FindCaseByTrackingNumberHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<FindCaseByTrackingNumber, Guid>
{
    public async ValueTask<Guid> Handle(FindCaseByTrackingNumber query, CancellationToken cancellationToken)
    {
        var number = query.TrackingNumber.Trim().ToUpperInvariant();
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.TrackingNumber == number)
            .Select(c => new { c.Id, c.DepartmentId, c.SubmitterUserId })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !CaseAccess.For(user, found.DepartmentId, found.SubmitterUserId).CanSee)
            throw new NotFoundException();
        return found.Id;
    }
}
