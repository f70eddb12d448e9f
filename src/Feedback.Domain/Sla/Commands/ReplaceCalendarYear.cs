using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Commands;

/// <summary>
/// An admin uploads one year's working-calendar file (the format of content/setup/calendar-YYYY.json). It is
/// checked completely first: any problem refuses the whole file, with every problem and its line
/// (<see cref="CalendarFileRejectedException"/>), and nothing is stored. A good file adds that year or
/// replaces it (an official schedule replacing a provisional one, or a correction). Deadlines of cases
/// already filed stay as they were set; new deadlines use the new calendar at once.
/// </summary>
public sealed record ReplaceCalendarYear(string Content) : ICommand<CalendarYearStored>, IAuthorizedMessage, IValidate, IAudited<CalendarYearStored>
{
    public const int MaxBytes = 256 * 1024;

    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(CalendarYearStored stored) => new(AuditAction.CalendarReplace, stored.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Replaced ? "replaced" : "added");

    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Content)) yield return new(nameof(Content), "Validation.Required");
        else if (Content.Length > MaxBytes) yield return new(nameof(Content), "Routing.Calendar.TooLarge", MaxBytes / 1024);
    }
}

/// <param name="Replaced">True when the year was stored before and has been replaced.</param>
public sealed record CalendarYearStored(int Year, bool Replaced);

/// <summary>The file has problems; <see cref="Errors"/> names each with its line (0 = the file as a whole).</summary>
public sealed class CalendarFileRejectedException(IReadOnlyList<LineError> errors) : DomainRuleException("Routing.Calendar.Rejected")
{
    public IReadOnlyList<LineError> Errors { get; } = errors;
}

public sealed class ReplaceCalendarYearHandler(FeedbackDbContext db, WorkCalendarSource calendars, TimeProvider clock)
    : ICommandHandler<ReplaceCalendarYear, CalendarYearStored>
{
    public async ValueTask<CalendarYearStored> Handle(ReplaceCalendarYear command, CancellationToken cancellationToken)
    {
        var parsed = CalendarFile.Parse(command.Content);
        if (parsed.Data is not { } data) throw new CalendarFileRejectedException(parsed.Errors);

        var rows = await db.CalendarYears.ToListAsync(cancellationToken);
        var others = rows.Where(r => r.Year != data.Year)
            .Select(r => CalendarFile.Parse(r.Content).Data ?? throw new InvalidOperationException($"The stored calendar for {r.Year} does not parse."))
            .ToList();
        try
        {
            // The years together must still make one calendar (one time zone): check before storing anything.
            CalendarFile.Build([.. others, data]);
        }
        catch (DomainRuleException mismatch) when (mismatch.Code == DataFileErrors.TimeZoneMismatch)
        {
            throw new CalendarFileRejectedException([new LineError(0, mismatch.Code, mismatch.Arguments)]);
        }

        var now = clock.GetUtcNow();
        var stored = rows.FirstOrDefault(r => r.Year == data.Year);
        if (stored is null)
            db.CalendarYears.Add(new CalendarYear(data.Year, command.Content, data.Provisional, data.Source, now));
        else
            stored.Replace(command.Content, data.Provisional, data.Source, now);
        // After the save, not before: a filing in between would otherwise cache the old calendar again.
        db.SavedChanges += (_, _) => calendars.Invalidate();
        return new CalendarYearStored(data.Year, stored is not null);
    }
}
