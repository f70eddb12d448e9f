using Feedback.Domain.Cases;
using Feedback.Web.Pages.Staff;

namespace Feedback.Web.Tests.Staff;

public sealed class StaffDisplayTests
{
    private static readonly DateTimeOffset Filed = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Filed.AddDays(10);

    [Theory]
    [InlineData(CaseStatus.InProgress, 11.0, DeadlineState.Red)]
    [InlineData(CaseStatus.Assigned, 10.0, DeadlineState.Red)]
    [InlineData(CaseStatus.InProgress, 9.5, DeadlineState.Amber)]    // half a day left: under a day
    [InlineData(CaseStatus.Reopened, 8.0, DeadlineState.Amber)]      // 2 of 10 days left: under a quarter
    [InlineData(CaseStatus.InProgress, 7.6, DeadlineState.Amber)]    // 2.4 of 10 days: still under a quarter
    [InlineData(CaseStatus.InProgress, 7.4, DeadlineState.Green)]    // 2.6 of 10 days: over a quarter
    [InlineData(CaseStatus.InProgress, 7.0, DeadlineState.Green)]    // 3 of 10 days
    [InlineData(CaseStatus.Submitted, 1.0, DeadlineState.Green)]
    [InlineData(CaseStatus.AwaitingInfo, 11.0, DeadlineState.None)]  // the clock is paused
    [InlineData(CaseStatus.Resolved, 11.0, DeadlineState.None)]      // answered
    [InlineData(CaseStatus.Closed, 11.0, DeadlineState.None)]
    public void Deadline_IsRedWhenOverdue_AmberWhenUnderADayOrAQuarterIsLeft(CaseStatus status, double daysAfterFiling, DeadlineState expected) =>
        Assert.Equal(expected, StaffDisplay.StateOf(status, Filed, Due, Filed.AddDays(daysAfterFiling)));

    [Fact]
    public void ACaseWithoutDeadline_HasNoColour() =>
        Assert.Equal(DeadlineState.None, StaffDisplay.StateOf(CaseStatus.InProgress, Filed, null, Filed.AddDays(30)));
}
