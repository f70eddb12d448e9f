using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing.Queries;

/// <summary>
/// The public outcome board (整改公示): published notices, newest first, filtered by category, area, month
/// (yyyy-MM, in the organisation's time zone) and kind, counted and paged in SQL on the board's indexes.
/// </summary>
public sealed record ListPublishedOutcomes(Guid? CategoryId = null, Guid? ServiceAreaId = null, string? Month = null, CaseKind? Kind = null,
    int Page = 1, int PageSize = Paging.DefaultPageSize) : IQuery<PagedList<PublishedOutcomeSummary>>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var error in Paging.Validate(Page, PageSize)) yield return error;
        if (Month is not null && ParseMonth(Month) is null) yield return new(nameof(Month), "Outcomes.Board.BadMonth");
        if (Kind is { } kind && !Enum.IsDefined(kind)) yield return new(nameof(Kind), "Validation.Invalid");
    }

    public static DateOnly? ParseMonth(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && first.Year is >= 2000 and <= 2100
            ? first : null;
}

public sealed record PublishedOutcomeSummary(Guid Id, string Title, CaseKind Kind, Guid CategoryId, Guid ServiceAreaId, DateTimeOffset PublishedAt);

public sealed class ListPublishedOutcomesHandler(FeedbackDbContext db, WorkCalendarSource calendars)
    : IQueryHandler<ListPublishedOutcomes, PagedList<PublishedOutcomeSummary>>
{
    public async ValueTask<PagedList<PublishedOutcomeSummary>> Handle(ListPublishedOutcomes query, CancellationToken cancellationToken)
    {
        var outcomes = db.Outcomes.AsNoTracking().Where(o => o.Status == OutcomeStatus.Published);
        if (query.CategoryId is { } category) outcomes = outcomes.Where(o => o.CategoryId == category);
        if (query.ServiceAreaId is { } area) outcomes = outcomes.Where(o => o.ServiceAreaId == area);
        if (query.Kind is { } kind) outcomes = outcomes.Where(o => o.Kind == kind);
        if (query.Month is not null && ListPublishedOutcomes.ParseMonth(query.Month) is { } first)
        {
            var zone = await calendars.ZoneAsync(db, cancellationToken);
            var from = RectificationLoader.EndOfDay(first.AddDays(-1), zone);
            var to = RectificationLoader.EndOfDay(first.AddMonths(1).AddDays(-1), zone);
            outcomes = outcomes.Where(o => o.PublishedAt >= from && o.PublishedAt < to);
        }
        var total = await outcomes.CountAsync(cancellationToken);
        var items = await outcomes
            .OrderByDescending(o => o.PublishedAt)
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(o => new PublishedOutcomeSummary(o.Id, o.PublicTitle, o.Kind, o.CategoryId, o.ServiceAreaId, o.PublishedAt!.Value))
            .ToListAsync(cancellationToken);
        return new PagedList<PublishedOutcomeSummary>(items, query.Page, query.PageSize, total);
    }
}
