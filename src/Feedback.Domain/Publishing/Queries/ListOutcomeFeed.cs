using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing.Queries;

/// <summary>The newest published notices with their (masked) text, for the Atom feed.</summary>
public sealed record ListOutcomeFeed(int Count = ListOutcomeFeed.DefaultCount) : IQuery<IReadOnlyList<FeedOutcome>>, IAuthorizedMessage
{
    public const int DefaultCount = 30;

    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

public sealed record FeedOutcome(Guid Id, string Title, string Markdown, DateTimeOffset PublishedAt);

public sealed class ListOutcomeFeedHandler(FeedbackDbContext db) : IQueryHandler<ListOutcomeFeed, IReadOnlyList<FeedOutcome>>
{
    public async ValueTask<IReadOnlyList<FeedOutcome>> Handle(ListOutcomeFeed query, CancellationToken cancellationToken) =>
        await db.Outcomes.AsNoTracking()
            .Where(o => o.Status == OutcomeStatus.Published)
            .OrderByDescending(o => o.PublishedAt)
            .Take(Math.Clamp(query.Count, 1, 100))
            .Select(o => new FeedOutcome(o.Id, o.PublicTitle, o.PublicMarkdown, o.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
}
