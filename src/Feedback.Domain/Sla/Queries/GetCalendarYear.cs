using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Queries;

/// <summary>One stored calendar year: its file as stored (for download) and what it says (for the page).</summary>
public sealed record GetCalendarYear(int Year) : IQuery<CalendarYearDetail>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record CalendarYearDetail(CalendarYearSummary Summary, string Content, CalendarFileData Data);

public sealed class GetCalendarYearHandler(FeedbackDbContext db) : IQueryHandler<GetCalendarYear, CalendarYearDetail>
{
    public async ValueTask<CalendarYearDetail> Handle(GetCalendarYear query, CancellationToken cancellationToken)
    {
        var row = await db.CalendarYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == query.Year, cancellationToken)
            ?? throw new NotFoundException();
        // Stored files were checked when saved; one that no longer parses is a defect, not something to hide.
        var data = CalendarFile.Parse(row.Content).Data
            ?? throw new InvalidOperationException($"The stored calendar for {row.Year} does not parse.");
        return new CalendarYearDetail(new CalendarYearSummary(row.Year, row.IsProvisional, row.Source, row.LoadedAt), row.Content, data);
    }
}
