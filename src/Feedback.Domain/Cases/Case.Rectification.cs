namespace Feedback.Domain.Cases;

public sealed partial class Case
{
    /// <summary>
    /// Puts an overdue rectification measure on the timeline, for those who handle the case only (the
    /// submitter learns of measures through the verification, not of their lateness). Written by the
    /// system when the overdue scan warns (see <c>CaseRectification.WarnOverdue</c>).
    /// </summary>
    internal CaseEvent RecordMeasureOverdue(string measure, DateTimeOffset now) =>
        Append(CaseEventType.MeasureOverdue, CaseActor.System, now, measure, isPublic: false);
}
