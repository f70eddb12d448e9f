using Feedback.Domain.Cases;
using Feedback.Domain.Sla;
using Feedback.Web.Pages.Staff;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// Colours and time left count working time: on a Monday–Friday 09:00–17:00 calendar (UTC, no holidays), a
/// case filed Monday 2 November 09:00 with ten working days is due Monday 16 November 09:00.
/// </summary>
public sealed class StaffDisplayTests
{
    private static readonly WorkCalendar Calendar = new(TimeZoneInfo.Utc,
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => new[] { new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(17, 0)) }),
        [], []);

    private static readonly DateTimeOffset Filed = At(2, 9);
    private static readonly DateTimeOffset Due = At(16, 9);

    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(CaseStatus.InProgress, 17, 9, DeadlineState.Red)]
    [InlineData(CaseStatus.Assigned, 16, 9, DeadlineState.Red)]        // the deadline itself
    [InlineData(CaseStatus.InProgress, 13, 9, DeadlineState.Amber)]    // 1 of 10 working days left
    [InlineData(CaseStatus.Reopened, 11, 15, DeadlineState.Amber)]     // 2 d 2 h = 1080 of 4800 min: under a quarter
    [InlineData(CaseStatus.InProgress, 11, 12, DeadlineState.Green)]   // 2 d 5 h = 1260 min: over a quarter
    [InlineData(CaseStatus.Submitted, 3, 9, DeadlineState.Green)]
    [InlineData(CaseStatus.InProgress, 14, 12, DeadlineState.Amber)]   // Saturday: no working time left, yet not overdue
    [InlineData(CaseStatus.InProgress, 7, 12, DeadlineState.Green)]    // the first Saturday: 5 working days left
    [InlineData(CaseStatus.AwaitingInfo, 17, 9, DeadlineState.None)]   // the clock is paused
    [InlineData(CaseStatus.Resolved, 17, 9, DeadlineState.None)]       // answered
    [InlineData(CaseStatus.Closed, 17, 9, DeadlineState.None)]
    public void Deadline_IsRedWhenOverdue_AmberWhenAQuarterOfTheWorkingTimeIsLeft(CaseStatus status, int day, int hour, DeadlineState expected) =>
        Assert.Equal(expected, StaffDisplay.StateOf(Calendar, status, Filed, Due, At(day, hour)));

    [Fact]
    public void ACaseTheLadderHasWarned_IsAmber_WhateverTheCalendarSays() =>
        Assert.Equal(DeadlineState.Amber, StaffDisplay.StateOf(Calendar, CaseStatus.InProgress, Filed, Due, At(3, 9), EscalationLevel.Warned));

    [Fact]
    public void ACaseWithoutDeadline_HasNoColour() =>
        Assert.Equal(DeadlineState.None, StaffDisplay.StateOf(Calendar, CaseStatus.InProgress, Filed, null, At(30, 9)));

    [Theory]
    [InlineData(11, 15, "Left(DaysHours(2,2))")]
    [InlineData(14, 12, "Left(Minutes(1))")]           // nothing left over the weekend: "under a minute"
    [InlineData(13, 14, "Left(HoursMinutes(3,0))")]
    [InlineData(16, 11, "Overdue(HoursMinutes(2,0))")]
    [InlineData(23, 10, "Overdue(DaysHours(5,1))")]    // a week and an hour late: five working days and an hour
    public void TimeLeft_IsWorkingTime(int day, int hour, string expected) =>
        Assert.Equal(expected, StaffDisplay.Remaining(new EchoLocalizer(), Calendar, CaseStatus.InProgress, Due, At(day, hour)));

    /// <summary>Shows which string was asked for with which values, e.g. "Left(DaysHours(2,2))".</summary>
    private sealed class EchoLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => this[name, []];

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, $"{name["Staff.Time.".Length..]}({string.Join(",", arguments)})");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
