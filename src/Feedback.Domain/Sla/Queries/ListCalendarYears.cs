using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Queries;

/// <summary>The working-calendar years stored, newest first.</summary>
public sealed record ListCalendarYears : IQuery<IReadOnlyList<CalendarYearSummary>>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record CalendarYearSummary(int Year, bool IsProvisional, string? Source, DateTimeOffset LoadedAt);

public sealed class ListCalendarYearsHandler(FeedbackDbContext db) : IQueryHandler<ListCalendarYears, IReadOnlyList<CalendarYearSummary>>
{
    public async ValueTask<IReadOnlyList<CalendarYearSummary>> Handle(ListCalendarYears query, CancellationToken cancellationToken) =>
        await db.CalendarYears.AsNoTracking().OrderByDescending(y => y.Year)
            .Select(y => new CalendarYearSummary(y.Year, y.IsProvisional, y.Source, y.LoadedAt))
            .ToListAsync(cancellationToken);
}
