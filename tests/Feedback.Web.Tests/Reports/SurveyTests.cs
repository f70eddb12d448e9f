using System.Net;
using Feedback.Domain.Notifications;
using Feedback.Domain.Satisfaction;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Reports;

/// <summary>
/// 回访 end to end over HTTP: the survey starts when a case is resolved, its link answers it once, an unhappy
/// answer reaches the callback list and the department head, a reminder goes out on day 3 and the survey
/// closes on day 7 (fake clock), and the tracking page carries the same form.
/// </summary>
public sealed class SurveyTests : IDisposable
{
    private readonly ReportsApp _app = new();

    [Fact]
    public async Task Resolution_SendsASurveyLink_WhoseAnswerOf2PutsTheCaseOnTheCallbackList()
    {
        var receipt = await _app.FileAndResolveAsync();
        var survey = await _app.SurveyAsync(receipt.CaseId);
        Assert.Equal(SurveyStatus.Open, survey.Status);
        var link = await _app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyInvitation);
        Assert.DoesNotContain(link[(link.LastIndexOf('/') + 1)..], survey.TokenHash);

        var customer = _app.CreateBrowserClient();
        var form = await customer.GetStringAsync(link);
        Assert.Contains(receipt.TrackingNumber, form);
        var answer = await customer.PostAsync(link, Forms.Fields(("Input.Score", "2"), ("Input.Resolved", "false"), ("Input.Comment", "还是太贵")));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var answered = await _app.SurveyAsync(receipt.CaseId);
        Assert.Equal((2, false, "还是太贵", true), (answered.Score, answered.Resolved, answered.Comment, answered.NeedsCallback));

        // The department head hears of it; the service centre sees it on the callback list and records the call.
        await _app.PublishAsync();
        var headMail = await _app.DbAsync(db => db.EmailMessages.SingleAsync(m => m.Template == EmailTemplates.SurveyCallback));
        Assert.Equal(ReportsApp.Head, headMail.To);
        Assert.Contains(receipt.TrackingNumber, headMail.TextBody);

        var dispatcher = _app.CreateBrowserClient();
        await dispatcher.SignInAsync(ReportsApp.Dispatcher);
        var list = await dispatcher.GetStringAsync("/Dispatch/Callbacks");
        Assert.Contains(receipt.TrackingNumber, list);
        Assert.Contains("13912345678", list);
        var refused = await dispatcher.PostAsync("/Dispatch/Callbacks", Forms.Fields(("Note", "")), $"/Dispatch/Callbacks?surveyId={answered.Id}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var recorded = await dispatcher.PostAsync("/Dispatch/Callbacks", Forms.Fields(("Note", "已回电，约定明天上门复核")), $"/Dispatch/Callbacks?surveyId={answered.Id}");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.DoesNotContain(receipt.TrackingNumber, await dispatcher.GetStringAsync("/Dispatch/Callbacks"));
        Assert.Contains("约定明天上门复核", await dispatcher.GetStringAsync("/Dispatch/Callbacks?done=true"));

        // One answer per case.
        var again = await customer.PostAsync(link, Forms.Fields(("Input.Score", "5"), ("Input.Resolved", "true")));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(2, (await _app.SurveyAsync(receipt.CaseId)).Score);
    }

    [Fact]
    public async Task ASatisfiedAnswer_ClosesTheResolvedCase_AndCallsNobody()
    {
        var receipt = await _app.FileAndResolveAsync();
        var link = await _app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyInvitation);
        var customer = _app.CreateBrowserClient();
        await customer.PostAsync(link, Forms.Fields(("Input.Score", "5"), ("Input.Resolved", "true")));
        await _app.PublishAsync();

        Assert.Equal(Feedback.Domain.Cases.CaseStatus.Closed, await _app.DbAsync(db => db.Cases.Where(c => c.Id == receipt.CaseId).Select(c => c.Status).SingleAsync()));
        Assert.False(await _app.DbAsync(db => db.EmailMessages.AnyAsync(m => m.Template == EmailTemplates.SurveyCallback)));
        Assert.Contains("5", await customer.GetStringAsync(link));
    }

    [Fact]
    public async Task ASolvedAnswer_LeavesAComplaintAwaitingVerificationResolved_ButClosesAPlainOne()
    {
        var plain = await _app.FileAndResolveAsync(email: "plain@example.com");
        var rectified = await _app.FileAndResolveAsync(email: "rectified@example.com", rootCause: "抄表员误读表计读数");
        var customer = _app.CreateBrowserClient();
        foreach (var to in new[] { "plain@example.com", "rectified@example.com" })
        {
            var answer = await customer.PostAsync(await _app.SurveyLinkAsync(to, EmailTemplates.SurveyInvitation),
                Forms.Fields(("Input.Score", "5"), ("Input.Resolved", "true")));
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }

        var cases = await _app.DbAsync(db => db.Cases.Where(c => c.Id == plain.CaseId || c.Id == rectified.CaseId)
            .ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.Equal(Feedback.Domain.Cases.CaseStatus.Closed, cases[plain.CaseId]);
        // The rectification still waits for the complainant's own verification; the answer itself is kept.
        Assert.Equal(Feedback.Domain.Cases.CaseStatus.Resolved, cases[rectified.CaseId]);
        var answered = await _app.SurveyAsync(rectified.CaseId);
        Assert.Equal((SurveyStatus.Answered, 5, true), (answered.Status, answered.Score, answered.Resolved));
    }

    [Theory]
    [InlineData("9", "true")]
    [InlineData("", "true")]
    [InlineData("4", "")]
    [InlineData("abc", "maybe")]
    public async Task BadAnswers_AreRefusedWithA400_AndNothingIsStored(string score, string resolved)
    {
        var receipt = await _app.FileAndResolveAsync();
        var link = await _app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyInvitation);
        var response = await _app.CreateBrowserClient().PostAsync(link, Forms.Fields(("Input.Score", score), ("Input.Resolved", resolved)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SurveyStatus.Open, (await _app.SurveyAsync(receipt.CaseId)).Status);
    }

    [Theory]
    [InlineData("/Public/Survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/Public/Survey/short")]
    [InlineData("/Public/Survey?number=261125-ABCDEF")]
    [InlineData("/Public/Survey")]
    public async Task UnknownLinks_AreNotFound(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateBrowserClient().GetAsync(url)).StatusCode);

    [Fact]
    public async Task Reminder_GoesOutOnDayThreeWithAWorkingLink_AndTheSurveyClosesOnDaySeven()
    {
        var receipt = await _app.FileAndResolveAsync();
        var first = await _app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyInvitation);

        _app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await _app.SweepAsync());
        _app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await _app.SweepAsync());
        await _app.PublishAsync();
        var reminder = await _app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyReminder);
        Assert.NotEqual(first, reminder);
        var customer = _app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(reminder)).StatusCode);
        Assert.Equal(0, await _app.SweepAsync());

        _app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await _app.SweepAsync());
        Assert.Equal(SurveyStatus.Expired, (await _app.SurveyAsync(receipt.CaseId)).Status);
        var late = await customer.PostAsync(reminder, Forms.Fields(("Input.Score", "5"), ("Input.Resolved", "true")));
        Assert.Equal(HttpStatusCode.BadRequest, (late).StatusCode);
        Assert.Equal(1, await _app.DbAsync(db => db.EmailMessages.CountAsync(m => m.Template == EmailTemplates.SurveyReminder)));
    }

    [Fact]
    public async Task TheTrackingPage_CarriesTheForm_ForTheSubmitterWhoGaveThePin()
    {
        // The PIN cookie expires 30 minutes after the app's time: the client must not find that in its past.
        _app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var receipt = await _app.FileAndResolveAsync(email: "");
        Assert.False(await _app.DbAsync(db => db.EmailMessages.AnyAsync(m => m.Template == EmailTemplates.SurveyInvitation)));

        var stranger = _app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Public/Survey?number={receipt.TrackingNumber}")).StatusCode);

        var customer = _app.CreateBrowserClient();
        var tracked = await customer.PostAsync("/Public/Track", Forms.Fields(("Input.TrackingNumber", receipt.TrackingNumber), ("Input.Pin", receipt.AccessPin)));
        Assert.Equal(HttpStatusCode.Redirect, tracked.StatusCode);
        var page = await customer.GetStringAsync($"/Public/Case/{receipt.TrackingNumber}");
        Assert.Contains($"action=\"/Public/Survey?number={receipt.TrackingNumber}\"", page);

        var answer = await customer.PostAsync($"/Public/Survey?number={receipt.TrackingNumber}", Forms.Fields(("Input.Score", "1"), ("Input.Resolved", "false")),
            $"/Public/Survey?number={receipt.TrackingNumber}");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal($"/Public/Case/{receipt.TrackingNumber}", answer.Headers.Location?.OriginalString);
        Assert.True((await _app.SurveyAsync(receipt.CaseId)).NeedsCallback);
        Assert.DoesNotContain("name=\"Input.Score\"", await customer.GetStringAsync($"/Public/Case/{receipt.TrackingNumber}"));
    }

    public void Dispose() => _app.Dispose();
}
