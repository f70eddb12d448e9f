using Feedback.Domain.Cases;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.CaseWork;

// The deadline forms of the staff case page, named like their commands' properties (see CaseInputs.cs).

public sealed class ExtensionRequestInput
{
    public int? WorkingDays { get; set; }
    public string? Reason { get; set; }
}

public sealed class ExtensionDecisionInput
{
    public Guid? ExtensionId { get; set; }
    public bool Approve { get; set; }
    public string? Note { get; set; }
}

/// <summary>How the case page shows deadline facts.</summary>
public static class DeadlineDisplay
{
    private static readonly HashSet<CaseEventType> DeadlineEvents =
    [
        CaseEventType.ExtensionRequested, CaseEventType.ExtensionApproved, CaseEventType.ExtensionRefused,
        CaseEventType.DeadlineWarning, CaseEventType.DeadlineOverdue, CaseEventType.DeadlineEscalated,
    ];

    /// <summary>The label key of a timeline entry: the deadline entries are this area's, overdue measures the outcomes', the others the staff pages'.</summary>
    public static string EventKey(CaseEventType type) =>
        type == CaseEventType.MeasureOverdue ? "Outcomes.Event.MeasureOverdue"
        : DeadlineEvents.Contains(type) ? $"Deadlines.Event.{type}" : $"Staff.Event.{type}";

    /// <summary>Working time as "3 h 20 min" (never negative; the sign is said in words where it matters).</summary>
    public static string WorkingTime(IStringLocalizer localizer, long minutes)
    {
        var value = Math.Abs(minutes);
        return value >= 60
            ? localizer["Deadlines.Duration.HoursMinutes", value / 60, value % 60]
            : localizer["Deadlines.Duration.Minutes", value];
    }

    /// <summary>"2 h 10 min ahead of the target" / "1 h over the target", for a difference to target.</summary>
    public static string Difference(IStringLocalizer localizer, long difference) =>
        difference >= 0
            ? localizer["Deadlines.Difference.Within", WorkingTime(localizer, difference)]
            : localizer["Deadlines.Difference.Over", WorkingTime(localizer, difference)];
}
