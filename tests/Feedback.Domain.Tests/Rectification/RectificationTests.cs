using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Rectification;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Rectification;

public sealed class RectificationTests
{
    private static readonly DateTimeOffset Now = TestCases.Now;
    private static readonly CaseParticipant Staff = TestCases.As(Actor.Staff);
    private static readonly Guid Owner = Guid.NewGuid();

    private static Case InProgress(CaseKind kind = CaseKind.Complaint)
    {
        var @case = TestCases.New(kind);
        @case.HoldTo(new CaseDeadlines(Now.AddHours(8), Now.AddDays(7), null));
        @case.Route(TestCases.DepartmentA, Priority.Normal, CaseParticipant.System, Now);
        @case.Accept(Staff, Now);
        return @case;
    }

    private static (Case Case, CaseRectification Record) Recorded()
    {
        var @case = InProgress();
        return (@case, CaseRectification.Record(@case, "抄表员误读", Staff, Now));
    }

    private static RectificationMeasure AddMeasure(Case @case, CaseRectification record, int dueInDays = 3) =>
        record.AddMeasure(@case, "重新核对读数", Owner, "李四", DateOnly.FromDateTime(Now.AddDays(dueInDays).Date), Now.AddDays(dueInDays), Staff, Now);

    [Fact]
    public void Progress_IsTheShareOfDoneMeasures_InWholePercent()
    {
        var (@case, record) = Recorded();
        Assert.Equal(0, record.ProgressPercent);
        var first = AddMeasure(@case, record);
        AddMeasure(@case, record);
        AddMeasure(@case, record);
        Assert.Equal(0, record.ProgressPercent);

        record.StartMeasure(@case, first.Id, Staff, Now);
        Assert.Equal(MeasureStatus.InProgress, first.Status);
        Assert.Equal(0, record.ProgressPercent);

        record.CompleteMeasure(@case, first.Id, "已更正", Staff, Now.AddHours(1));
        Assert.Equal(33, record.ProgressPercent);
        Assert.Equal(MeasureStatus.Done, first.Status);
        Assert.Equal("已更正", first.CompletionNote);
        Assert.Equal(Now.AddHours(1), first.CompletedAt);
    }

    [Fact]
    public void AMeasureDoneOnce_CannotBeCompletedOrStartedAgain()
    {
        var (@case, record) = Recorded();
        var measure = AddMeasure(@case, record);
        record.CompleteMeasure(@case, measure.Id, "done", Staff, Now);
        Assert.Equal("Outcomes.Measure.AlreadyDone", Assert.Throws<DomainRuleException>(() => record.CompleteMeasure(@case, measure.Id, "again", Staff, Now)).Code);
        Assert.Equal("Outcomes.Measure.NotPlanned", Assert.Throws<DomainRuleException>(() => record.StartMeasure(@case, measure.Id, Staff, Now)).Code);
    }

    [Fact]
    public void AMeasureDueInThePast_IsRefused()
    {
        var (@case, record) = Recorded();
        Assert.Equal("Outcomes.Measure.DueInPast",
            Assert.Throws<DomainRuleException>(() => record.AddMeasure(@case, "x", Owner, "李四", new DateOnly(2026, 3, 1), Now.AddMinutes(-1), Staff, Now)).Code);
    }

    [Theory]
    [InlineData(Actor.Submitter)]
    [InlineData(Actor.Dispatcher)]
    public void OnlyTheHandlingDepartment_ChangesTheRecord(Actor capacity)
    {
        var @case = InProgress();
        Assert.Throws<ForbiddenException>(() => CaseRectification.Record(@case, "cause", TestCases.As(capacity), Now));
    }

    [Fact]
    public void AClosedCase_TakesNoNewMeasures()
    {
        var (@case, record) = Recorded();
        @case.Resolve("done", Staff, Now);
        @case.ConfirmResolution(null, TestCases.As(Actor.Submitter), Now);
        Assert.Equal("Outcomes.Rectification.CaseClosed", Assert.Throws<DomainRuleException>(() => AddMeasure(@case, record)).Code);
    }

    [Theory]
    [InlineData(CaseKind.Praise)]
    [InlineData(CaseKind.Suggestion)]
    public void PraiseAndSuggestions_HaveNoRectification(CaseKind kind)
    {
        var @case = InProgress(kind);
        Assert.Equal("Outcomes.Rectification.NotForKind", Assert.Throws<DomainRuleException>(() => CaseRectification.Record(@case, "cause", Staff, Now)).Code);
    }

    [Fact]
    public void OverdueMeasures_AreWarnedOnce_AndDoneOnesNever()
    {
        var (@case, record) = Recorded();
        var late = AddMeasure(@case, record, dueInDays: 1);
        var done = AddMeasure(@case, record, dueInDays: 1);
        var later = AddMeasure(@case, record, dueInDays: 5);
        record.CompleteMeasure(@case, done.Id, "ok", Staff, Now);

        Assert.Equal(0, record.WarnOverdue(@case, Now.AddDays(1).AddMinutes(-1)));
        Assert.Equal(1, record.WarnOverdue(@case, Now.AddDays(1)));
        Assert.Equal(0, record.WarnOverdue(@case, Now.AddDays(2)));
        var overdue = Assert.IsType<MeasureOverdue>(Assert.Single(record.DomainEvents));
        Assert.Equal(late.Id, overdue.MeasureId);
        Assert.True(late.IsOverdue(Now.AddDays(2)));
        Assert.False(later.IsOverdue(Now.AddDays(2)));
        Assert.Null(late.WarnAt);
        Assert.NotNull(late.OverdueWarnedAt);
        // On the timeline once, for those who handle the case only.
        var entry = Assert.Single(@case.Events, e => e.Type == CaseEventType.MeasureOverdue);
        Assert.Equal((late.Description, false, Actor.System), (entry.Text, entry.IsPublic, entry.ActorCapacity));
    }

    [Theory]
    [InlineData(CaseKind.SupervisionFinding, false, true)]
    [InlineData(CaseKind.SupervisionFinding, true, true)]
    [InlineData(CaseKind.Complaint, true, true)]
    [InlineData(CaseKind.Complaint, false, false)]
    [InlineData(CaseKind.Suggestion, false, false)]
    [InlineData(CaseKind.Praise, false, false)]
    [InlineData(CaseKind.Report, true, false)]
    public void Verification_IsRequiredForFindings_AndForComplaintsWithARectification(CaseKind kind, bool rectified, bool required) =>
        Assert.Equal(required, Verification.IsRequired(kind, rectified));

    [Fact]
    public void TheAnswerWindow_IsSevenCalendarDays()
    {
        Assert.False(Verification.AnswerWindowPassed(Now, Now.AddDays(7).AddTicks(-1)));
        Assert.True(Verification.AnswerWindowPassed(Now, Now.AddDays(7)));
    }

    [Fact]
    public void TheDefaultClose_SaysVerifiedByDefault_OnlyWhereVerificationWasRequired()
    {
        Assert.Contains("验收默认通过", Verification.DefaultCloseText(true, "zh-CN"));
        Assert.Contains("Verified by default", Verification.DefaultCloseText(true, "en"));
        Assert.DoesNotContain("验收", Verification.DefaultCloseText(false, "zh-CN"));
        Assert.Contains("after 7 days", Verification.DefaultCloseText(false, "en"));
    }

    [Fact]
    public void ASuggestionDecision_IsOnlyForSuggestions_AndTellsTheSubmitter()
    {
        var suggestion = InProgress(CaseKind.Suggestion);
        var decision = SuggestionDecision.Decide(suggestion, SuggestionVerdict.PartlyAdopted, "部分可行", Staff, Now);
        Assert.Equal(suggestion.Id, Assert.IsType<SuggestionDecided>(Assert.Single(decision.DomainEvents)).CaseId);
        Assert.False(decision.IsAdopted);
        decision.Revise(suggestion, SuggestionVerdict.Adopted, "全部采纳", Staff, Now);
        Assert.True(decision.IsAdopted);

        Assert.Equal("Outcomes.Decision.OnlySuggestions",
            Assert.Throws<DomainRuleException>(() => SuggestionDecision.Decide(InProgress(), SuggestionVerdict.Adopted, "x", Staff, Now)).Code);
    }
}
