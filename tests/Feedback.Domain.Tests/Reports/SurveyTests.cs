using Feedback.Domain.Common;
using Feedback.Domain.Satisfaction;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Reports;

/// <summary>The survey's rules: one answer, a reminder on day 3, closed on day 7, unhappy answers need a call back.</summary>
public class SurveyTests
{
    private static readonly DateTimeOffset Sent = TestCases.Now;

    private static Survey NewSurvey(out string token)
    {
        var (survey, plain) = Survey.Send(TestCases.InStatus(Feedback.Domain.Cases.CaseStatus.Resolved), Sent);
        token = plain;
        return survey;
    }

    [Fact]
    public void Send_KeepsOnlyAHashOfTheLinkToken()
    {
        var survey = NewSurvey(out var token);
        Assert.True(SurveyToken.LooksValid(token));
        Assert.NotEqual(token, survey.TokenHash);
        Assert.Equal(SurveyToken.Hash(token), survey.TokenHash);
        Assert.Equal(Sent + Survey.ReminderAfter, survey.NextStepAt);
    }

    [Theory]
    [InlineData(1, true, true)]
    [InlineData(2, true, true)]
    [InlineData(3, true, false)]
    [InlineData(5, false, true)]
    [InlineData(4, true, false)]
    public void UnhappyAnswers_NeedACallback(int score, bool resolved, bool callback)
    {
        var survey = NewSurvey(out _);
        survey.Answer(score, resolved, " 还行 ", Sent.AddDays(1));
        Assert.Equal(callback, survey.NeedsCallback);
        Assert.Equal("还行", survey.Comment);
        Assert.Null(survey.NextStepAt);
        Assert.Equal(callback, survey.DomainEvents.OfType<SurveyAnswered>().Single().NeedsCallback);
    }

    [Fact]
    public void ASurvey_IsAnsweredOnce()
    {
        var survey = NewSurvey(out _);
        survey.Answer(4, true, null, Sent.AddDays(1));
        Assert.Equal("Survey.AlreadyAnswered", Assert.Throws<DomainRuleException>(() => survey.Answer(1, false, null, Sent.AddDays(2))).Code);
    }

    [Fact]
    public void Sweep_RemindsOnDayThreeWithANewLink_AndClosesOnDaySeven()
    {
        var survey = NewSurvey(out _);
        Assert.Null(survey.Advance(Sent.AddDays(2)));

        Assert.Equal(SurveyStep.Reminded, survey.Advance(Sent.AddDays(3)));
        var reminder = survey.DomainEvents.OfType<SurveyReminderDue>().Single();
        Assert.Equal(SurveyToken.Hash(reminder.Token), survey.ReminderTokenHash);
        Assert.Null(survey.Advance(Sent.AddDays(5)));

        Assert.Equal(SurveyStep.Closed, survey.Advance(Sent.AddDays(7)));
        Assert.Equal(SurveyStatus.Expired, survey.Status);
        Assert.Equal("Survey.Closed", Assert.Throws<DomainRuleException>(() => survey.Answer(5, true, null, Sent.AddDays(7))).Code);
    }

    [Fact]
    public void ASweepThatWasStopped_ClosesWithoutALateReminder()
    {
        var survey = NewSurvey(out _);
        Assert.Equal(SurveyStep.Closed, survey.Advance(Sent.AddDays(9)));
        Assert.Empty(survey.DomainEvents.OfType<SurveyReminderDue>());
    }

    [Fact]
    public void Callback_IsRecordedOnceAndOnlyForUnhappyAnswers()
    {
        var happy = NewSurvey(out _);
        happy.Answer(5, true, null, Sent.AddDays(1));
        Assert.Equal("Survey.NoCallbackNeeded", Assert.Throws<DomainRuleException>(() => happy.RecordCallback("ok", null, Sent.AddDays(2))).Code);

        var unhappy = NewSurvey(out _);
        unhappy.Answer(1, false, null, Sent.AddDays(1));
        unhappy.RecordCallback("已回电，约定上门", null, Sent.AddDays(2));
        Assert.Equal(Sent.AddDays(2), unhappy.CalledBackAt);
        Assert.Equal("Survey.AlreadyCalledBack", Assert.Throws<DomainRuleException>(() => unhappy.RecordCallback("again", null, Sent.AddDays(3))).Code);
    }
}
