using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Sla;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Sla;

/// <summary>
/// A case's stored deadlines follow its timeline: pauses, extensions, achieved minutes and the escalation
/// ladder. Filed Monday 2 March 2026, 10:00 Beijing time; contact within 1 working day, resolution within 5
/// (a working day is 450 minutes on the shipped calendar).
/// </summary>
public class CaseDeadlineTests
{
    private const long Day = 450;
    private static readonly WorkCalendar Calendar = ShippedSetup.WorkCalendar;
    private static readonly DateTimeOffset Filed = TestCases.Now;
    private static readonly CaseParticipant Staff = TestCases.As(Actor.Staff);
    private static readonly CaseParticipant Head = TestCases.As(Actor.DepartmentHead);
    private static readonly CaseParticipant Submitter = TestCases.As(Actor.Submitter);

    /// <summary>An instant <paramref name="minutes"/> working minutes after receipt.</summary>
    private static DateTimeOffset After(long minutes) => Calendar.AddWorkingMinutes(Filed, minutes);

    private static Case InProgress()
    {
        var @case = TestCases.New();
        @case.HoldTo(new SlaPolicy("投诉 Complaint", 1, new SlaTarget(1, TargetUnit.WorkingDays), new SlaTarget(5, TargetUnit.WorkingDays))
            .DeadlinesFrom(Filed, Calendar));
        @case.Route(TestCases.DepartmentA, Priority.Normal, CaseParticipant.System, Filed);
        @case.Accept(Staff, Filed);
        @case.RefreshDeadlines(Calendar, Filed);
        @case.ClearDomainEvents();
        return @case;
    }

    [Fact]
    public void Refresh_TakesTheTargetsFromTheDeadlinesSetAtReceipt()
    {
        var @case = InProgress();

        Assert.Equal(Day, @case.ContactTargetMinutes);
        Assert.Equal(5 * Day, @case.ResolveTargetMinutes);
        Assert.Equal(After(5 * Day), @case.ResolveBy);
        Assert.Equal(@case.ResolveBy, @case.OriginalResolveBy);
        Assert.Equal(After(Day), @case.ContactBy);
        Assert.False(@case.DeadlinesNeedRefresh);
    }

    [Fact]
    public void AnsweredQuestion_MovesTheResolutionDeadlineByThePausedWorkingTime_ButNotTheContactDeadline()
    {
        var @case = InProgress();
        @case.RequestInformation("Which meter number?", Staff, After(Day));
        @case.ProvideInformation("No. 42", Submitter, After(Day).AddDays(1)); // Tuesday 10:00 to Wednesday 10:00
        Assert.True(@case.DeadlinesNeedRefresh);

        @case.RefreshDeadlines(Calendar, After(Day).AddDays(1));

        Assert.Equal(Day, @case.PausedWorkingMinutes);
        Assert.Equal(After(6 * Day), @case.ResolveBy);
        Assert.Equal(@case.ResolveBy, @case.OriginalResolveBy);
        Assert.Equal(After(Day), @case.ContactBy);
        // Asking the question was the first contact, exactly on time.
        Assert.Equal(Day, @case.AchievedContactMinutes);
        Assert.Equal(0, @case.ContactDifferenceMinutes);
    }

    [Fact]
    public void ApprovedExtension_MovesTheEffectiveDeadline_AndKeepsTheOriginal()
    {
        var @case = InProgress();
        var original = @case.ResolveBy;
        var extension = @case.RequestExtension(2, "Replacement meter on order", Calendar, Staff, After(2 * Day));

        Assert.Equal(ExtensionStatus.Pending, extension.Status);
        Assert.Equal(original, @case.ResolveBy);
        Assert.Equal(After(7 * Day), extension.ProposedResolveBy);

        @case.DecideExtension(extension.Id, approve: true, "Agreed", Calendar, Head, After(2 * Day + 30));

        Assert.Equal(After(7 * Day), @case.ResolveBy);
        Assert.Equal(original, @case.OriginalResolveBy);
        Assert.Equal(ExtensionStatus.Approved, extension.Status);
        Assert.Equal(
            [CaseEventType.ExtensionRequested, CaseEventType.ExtensionApproved],
            @case.Events.Where(e => e.Type is CaseEventType.ExtensionRequested or CaseEventType.ExtensionApproved).Select(e => e.Type));
        Assert.All(@case.Events.Where(e => e.Type is CaseEventType.ExtensionRequested or CaseEventType.ExtensionApproved), e => Assert.False(e.IsPublic));
    }

    [Fact]
    public void RefusedExtension_MovesNothing_AndAnotherMayBeAskedFor()
    {
        var @case = InProgress();
        var original = @case.ResolveBy;
        var extension = @case.RequestExtension(3, "Busy", Calendar, Staff, After(Day));
        @case.DecideExtension(extension.Id, approve: false, "Not a reason", Calendar, Head, After(Day + 10));

        Assert.Equal(original, @case.ResolveBy);
        Assert.Equal(ExtensionStatus.Refused, extension.Status);
        Assert.Contains(@case.Events, e => e.Type == CaseEventType.ExtensionRefused && e.Text == "Not a reason");
        @case.RequestExtension(1, "Parts arrive on Friday", Calendar, Staff, After(Day + 20));
    }

    [Fact]
    public void Extensions_AreDecidedOnlyByTheDepartmentHead_OneAtATime_AndOnce()
    {
        var @case = InProgress();
        var extension = @case.RequestExtension(2, "Waiting for the contractor", Calendar, Staff, After(Day));

        Assert.Throws<ForbiddenException>(() => @case.DecideExtension(extension.Id, true, null, Calendar, Staff, After(Day)));
        Assert.Equal("Deadlines.Extension.AlreadyPending",
            Assert.Throws<DomainRuleException>(() => @case.RequestExtension(1, "again", Calendar, Staff, After(Day))).Code);
        Assert.Throws<ForbiddenException>(() => @case.RequestExtension(1, "a dispatcher asks", Calendar, TestCases.As(Actor.Dispatcher), After(Day)));

        @case.DecideExtension(extension.Id, true, null, Calendar, Head, After(Day));
        Assert.Equal("Deadlines.Extension.AlreadyDecided",
            Assert.Throws<DomainRuleException>(() => @case.DecideExtension(extension.Id, false, null, Calendar, Head, After(Day))).Code);
    }

    [Fact]
    public void ResolvedInTime_StoresTheAchievedMinutes_AndAPositiveDifference()
    {
        var @case = InProgress();
        @case.PostPublicReply("We are looking into it.", Staff, After(90));
        @case.Resolve("Meter replaced.", Staff, After(2 * Day));
        @case.RefreshDeadlines(Calendar, After(2 * Day));

        Assert.Equal(90, @case.AchievedContactMinutes);
        Assert.Equal(Day - 90, @case.ContactDifferenceMinutes);
        Assert.Equal(2 * Day, @case.AchievedResolveMinutes);
        Assert.Equal(3 * Day, @case.ResolveDifferenceMinutes);
    }

    [Fact]
    public void ResolvedLate_HasANegativeDifference_EvenWithinAnExtension()
    {
        var @case = InProgress();
        var extension = @case.RequestExtension(2, "Waiting for the contractor", Calendar, Staff, After(Day));
        @case.DecideExtension(extension.Id, true, null, Calendar, Head, After(Day));
        @case.Resolve("Done.", Staff, After(6 * Day));
        @case.RefreshDeadlines(Calendar, After(6 * Day));

        Assert.True(After(6 * Day) < @case.ResolveBy);
        Assert.Equal(6 * Day, @case.AchievedResolveMinutes);
        Assert.Equal(-Day, @case.ResolveDifferenceMinutes);
    }

    [Fact]
    public void AchievedMinutes_LeaveOutPauses_AndTheTimeSpentResolvedBeforeAReopening()
    {
        var @case = InProgress();
        @case.RequestInformation("Which meter?", Staff, After(Day));
        @case.ProvideInformation("No. 42", Submitter, After(2 * Day));          // paused 1 day
        @case.Resolve("Done.", Staff, After(3 * Day));
        @case.RejectResolution("Still wrong.", Submitter, After(4 * Day));      // resolved 1 day
        @case.Resume(Staff, After(4 * Day));
        @case.Resolve("Done now.", Staff, After(5 * Day));
        @case.RefreshDeadlines(Calendar, After(5 * Day));

        Assert.Equal(3 * Day, @case.AchievedResolveMinutes);
        Assert.Equal(2 * Day, @case.ResolveDifferenceMinutes);
        Assert.Equal(2 * Day, @case.PausedWorkingMinutes);
        Assert.Equal(After(7 * Day), @case.ResolveBy);
    }

    [Fact]
    public void Ladder_WarnsAtThreeQuarters_Once()
    {
        var @case = InProgress();
        var warnAt = After((5 * Day * 3 + 3) / 4); // 75 % of 2250 minutes, rounded up: 1688
        Assert.Equal(warnAt, @case.NextEscalationAt);

        Assert.Empty(@case.Escalate(Calendar, warnAt.AddMinutes(-1)));
        Assert.Equal([EscalationLevel.Warned], @case.Escalate(Calendar, warnAt));
        Assert.Empty(@case.Escalate(Calendar, warnAt.AddMinutes(1)));

        Assert.Equal(EscalationLevel.Warned, @case.EscalationLevel);
        Assert.Equal(@case.ResolveBy, @case.NextEscalationAt);
        Assert.False(@case.IsOverdue);
        var warning = Assert.Single(@case.Events, e => e.Type == CaseEventType.DeadlineWarning);
        Assert.False(warning.IsPublic);
        Assert.Equal(Actor.System, warning.ActorCapacity);
        var raised = Assert.IsType<DeadlineEscalated>(Assert.Single(@case.DomainEvents));
        Assert.Equal((warning.Id, EscalationLevel.Warned), (raised.EventId, raised.Step));
    }

    [Fact]
    public void Ladder_CatchesUpAfterAnOutage_EveryStepOnce_InOrder()
    {
        var @case = InProgress();

        var fired = @case.Escalate(Calendar, After(20 * Day));

        Assert.Equal([EscalationLevel.Warned, EscalationLevel.Overdue, EscalationLevel.Escalated], fired);
        Assert.Equal(
            [CaseEventType.DeadlineWarning, CaseEventType.DeadlineOverdue, CaseEventType.DeadlineEscalated],
            @case.Events.Where(e => e.Type.ToString().StartsWith("Deadline", StringComparison.Ordinal)).OrderBy(e => e.At).Select(e => e.Type));
        Assert.Equal(fired, @case.DomainEvents.OfType<DeadlineEscalated>().Select(e => e.Step));
        Assert.True(@case.IsOverdue);
        Assert.Null(@case.NextEscalationAt);
        Assert.Empty(@case.Escalate(Calendar, After(40 * Day)));
    }

    [Fact]
    public void Ladder_TellsTheServiceCentreOneWorkingDayAfterTheDeadline()
    {
        var @case = InProgress();
        @case.Escalate(Calendar, After(5 * Day));
        Assert.Equal(EscalationLevel.Overdue, @case.EscalationLevel);
        Assert.Equal(After(6 * Day), @case.NextEscalationAt);

        Assert.Empty(@case.Escalate(Calendar, After(6 * Day).AddMinutes(-1)));
        Assert.Equal([EscalationLevel.Escalated], @case.Escalate(Calendar, After(6 * Day)));
    }

    [Fact]
    public void Ladder_StandsStillWhileThePauseLasts_AndForResolvedCases()
    {
        var paused = InProgress();
        paused.RequestInformation("Which meter?", Staff, After(Day));
        Assert.Empty(paused.Escalate(Calendar, After(30 * Day)));
        Assert.Null(paused.NextEscalationAt);

        var resolved = InProgress();
        resolved.Resolve("Done.", Staff, After(Day));
        Assert.Empty(resolved.Escalate(Calendar, After(30 * Day)));
        Assert.Null(resolved.NextEscalationAt);
    }

    [Fact]
    public void ApprovedExtension_PostponesTheStepsStillToCome()
    {
        var @case = InProgress();
        @case.Escalate(Calendar, After(4 * Day));
        var extension = @case.RequestExtension(2, "Contractor delayed", Calendar, Staff, After(4 * Day));
        @case.DecideExtension(extension.Id, true, null, Calendar, Head, After(4 * Day));

        Assert.Equal(After(7 * Day), @case.NextEscalationAt);
        Assert.Empty(@case.Escalate(Calendar, After(6 * Day)));
        Assert.Equal([EscalationLevel.Overdue], @case.Escalate(Calendar, After(7 * Day)));
    }
}
