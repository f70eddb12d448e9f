using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>The cases a signed-in person filed, newest first, optionally in one status.</summary>
public sealed record ListMyCases(CaseStatus? Status = null, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<MyCaseRow>>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsAuthenticated;

    public IEnumerable<ValidationError> Validate()
    {
        if (Status is { } status)
            foreach (var e in Check.Defined(status, nameof(Status))) yield return e;
        foreach (var e in Paging.Validate(Page, PageSize)) yield return e;
    }
}

public sealed record MyCaseRow(
    Guid Id, string TrackingNumber, CaseKind Kind, CaseStatus Status, string Subject, Guid CategoryId,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ResolveBy);

public sealed class ListMyCasesHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<ListMyCases, PagedList<MyCaseRow>>
{
    public async ValueTask<PagedList<MyCaseRow>> Handle(ListMyCases query, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? throw new ForbiddenException();
        // Served by the (SubmitterUserId, SubmittedAt) index.
        var mine = db.Cases.AsNoTracking().Where(c => c.SubmitterUserId == userId);
        if (query.Status is { } status)
            mine = mine.Where(c => c.Status == status);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine
            .OrderByDescending(c => c.SubmittedAt)
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(c => new MyCaseRow(c.Id, c.TrackingNumber, c.Kind, c.Status, c.Subject, c.CategoryId, c.SubmittedAt, c.UpdatedAt, c.ResolveBy))
            .ToListAsync(cancellationToken);
        return new PagedList<MyCaseRow>(rows, query.Page, query.PageSize, total);
    }
}
