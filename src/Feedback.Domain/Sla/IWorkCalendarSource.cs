namespace Feedback.Domain.Sla;

/// <summary>The organisation's current working calendar (all loaded years), cached until a year is replaced.</summary>
public interface IWorkCalendarSource
{
    ValueTask<WorkCalendar> GetAsync(CancellationToken cancellationToken = default);
    void Invalidate();
}
