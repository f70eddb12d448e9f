using System.Net;
using Feedback.Domain.Cases;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Feedback.Web.Tests.Public.PublicFlows;

namespace Feedback.Web.Tests.Public;

/// <summary>/Public/Track and the tracked case page: the PIN is the key, and a number alone reveals nothing.</summary>
[Collection(PublicCollection.Name)]
public sealed class TrackingTests(FeedbackAppFixture fixture)
{
    private readonly FeedbackApp app = fixture.App;

    private const string NotFoundMessage = "未找到该工单，或查询密码不正确";

    [Fact]
    public async Task Track_WithTheRightPin_ShowsTheCaseWithoutPuttingThePinInAnyUrl()
    {
        var (number, pin) = await FileAsync(app, app.CreateBrowserClient());
        var visitor = app.CreateBrowserClient();

        var response = await TrackAsync(visitor, number, pin.Insert(0, " "));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/Public/Case/{number}", location);
        Assert.DoesNotContain(pin, location);
        Assert.Contains(TrackedCasesCookie.CookieName, string.Join(";", response.Headers.GetValues("Set-Cookie")));
        Assert.DoesNotContain(pin, string.Join(";", response.Headers.GetValues("Set-Cookie")));
        var page = await visitor.GetHtmlAsync(location);
        Assert.Contains("电费比上月多出一倍", page);
        Assert.Contains("已派单", page);
        Assert.Contains("星期", page);
    }

    [Fact]
    public async Task Track_AcceptsTheNumberAsPeopleTypeIt()
    {
        var (number, pin) = await FileAsync(app, app.CreateBrowserClient());

        var response = await TrackAsync(app.CreateBrowserClient(), " " + number.ToLowerInvariant() + " ", pin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Track_WithAWrongPinOrAnUnknownNumber_GivesTheSame400()
    {
        var (number, pin) = await FileAsync(app, app.CreateBrowserClient());
        var wrongPin = pin == "000000" ? "111111" : "000000";

        var wrong = await TrackAsync(app.CreateBrowserClient(), number, wrongPin);
        var unknown = await TrackAsync(app.CreateBrowserClient(), "200101-ABCDEF", pin);
        var malformed = await TrackAsync(app.CreateBrowserClient(), "<script>", pin);

        foreach (var response in new[] { wrong, unknown, malformed })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(NotFoundMessage, await response.HtmlAsync());
            Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(TrackedCasesCookie.CookieName)));
        }
    }

    [Fact]
    public async Task Track_WithEmptyFields_SaysWhatIsMissing()
    {
        var response = await TrackAsync(app.CreateBrowserClient(), "", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("此项为必填项", await response.HtmlAsync());
    }

    [Fact]
    public async Task CasePage_WithoutThePinCookie_AsksForThePinAndRevealsNothing()
    {
        var (number, _) = await FileAsync(app, app.CreateBrowserClient());
        var stranger = app.CreateBrowserClient();

        var known = await stranger.GetAsync($"/Public/Case/{number}");
        var unknown = await stranger.GetAsync("/Public/Case/200101-ABCDEF");

        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal($"/Public/Track?number={number}", known.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        Assert.Equal("/Public/Track?number=200101-ABCDEF", unknown.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CasePage_ShowsThePublicTimelineOnly_AndStaffByCapacityAndDepartment()
    {
        var (number, _, visitor) = await FileAndTrackAsync(app, CaseStatus.Resolved);
        var (staffName, departmentName) = await app.DbAsync(async db =>
        {
            var staff = await db.Users.SingleAsync(u => u.Email == "staff.billing@demo.local");
            return (staff.DisplayName, (await db.Departments.SingleAsync(d => d.Id == staff.DepartmentId)).NameZh);
        });

        var page = await visitor.GetHtmlAsync($"/Public/Case/{number}");

        Assert.Contains("已核实：九月抄表有误", page);
        Assert.Contains($"工作人员（{departmentName}）", page);
        Assert.DoesNotContain(staffName, page);
        Assert.DoesNotContain(StaffInternalNote, page);
        Assert.Contains("确认办结", page);
        Assert.Contains("不认可，重新办理", page);
    }

    [Fact]
    public async Task Submitter_ConfirmsAResolvedCase_ItIsClosed()
    {
        var (number, _, visitor) = await FileAndTrackAsync(app, CaseStatus.Resolved);

        var response = await visitor.ActAsync($"/Public/Case/{number}", "Confirm", ("Input.Comment", "谢谢，已收到退款。"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseStatus.Closed, (await LoadCaseAsync(app, number)).Status);
        Assert.Contains("工单已办结", await visitor.GetHtmlAsync(response.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Submitter_RejectsAResolvedCaseWithAReason_ItIsReopened()
    {
        var (number, _, visitor) = await FileAndTrackAsync(app, CaseStatus.Resolved);

        var withoutReason = await visitor.ActAsync($"/Public/Case/{number}", "Reject", ("Input.Reason", " "));
        var withReason = await visitor.ActAsync($"/Public/Case/{number}", "Reject", ("Input.Reason", "退款金额不对。"));

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("此项为必填项", await withoutReason.HtmlAsync());
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var stored = await LoadCaseAsync(app, number);
        Assert.Equal(CaseStatus.Reopened, stored.Status);
        Assert.Equal(1, stored.ReopenCount);
    }

    [Fact]
    public async Task Submitter_CannotConfirmACaseThatIsNotResolved()
    {
        var (number, _, visitor) = await FileAndTrackAsync(app);

        var response = await visitor.ActAsync($"/Public/Case/{number}", "Confirm", ("Input.Comment", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不能进行“确认办结”操作", await response.HtmlAsync());
        Assert.NotEqual(CaseStatus.Closed, (await LoadCaseAsync(app, number)).Status);
    }

    [Fact]
    public async Task Submitter_AnswersARequestForInformationWithAPhoto_TheCaseIsWorkedOnAgain()
    {
        var (number, _, visitor) = await FileAndTrackAsync(app, CaseStatus.AwaitingInfo);
        var filesBefore = CountStoredFiles(app);

        var fake = await visitor.PostMultipartAsync($"/Public/Case/{number}", Forms.Fields(("Input.Answer", "见附件。")),
            [("Input.Attachments", "bill.png", TextPretendingToBePng)], $"/Public/Case/{number}?handler=ProvideInformation");
        var real = await visitor.PostMultipartAsync($"/Public/Case/{number}", Forms.Fields(("Input.Answer", "见附件。")),
            [("Input.Attachments", "bill.png", Png)], $"/Public/Case/{number}?handler=ProvideInformation");

        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        var stored = await LoadCaseAsync(app, number);
        Assert.Equal(CaseStatus.InProgress, stored.Status);
        Assert.Single(stored.Attachments);
        Assert.Equal(filesBefore + 1, CountStoredFiles(app));
    }

    [Fact]
    public async Task Actions_WithoutThePinCookie_ChangeNothing()
    {
        var (number, _) = await FileAsync(app, app.CreateBrowserClient());
        await StaffHandlesAsync(app, number, CaseStatus.Resolved);
        var stranger = app.CreateBrowserClient();
        var token = Forms.AntiforgeryToken(await stranger.GetHtmlAsync("/Public/Track"));

        var response = await stranger.PostAsync($"/Public/Case/{number}?handler=Confirm",
            new FormUrlEncodedContent(Forms.Fields(("Input.Comment", ""), ("__RequestVerificationToken", token))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Public/Track", response.Headers.Location!.OriginalString);
        Assert.Equal(CaseStatus.Resolved, (await LoadCaseAsync(app, number)).Status);
    }
}

public sealed class TrackingRateLimitTests(TightTrackingLimitFixture fixture) : IClassFixture<TightTrackingLimitFixture>
{
    private readonly FeedbackApp app = fixture.App;

    [Fact]
    public async Task Track_MoreOftenThanTheLimit_Gives429()
    {
        var client = app.CreateBrowserClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await TrackAsync(client, "200101-ABCDEF", "123456")).StatusCode);

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        // Showing the form is not counted.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Public/Track")).StatusCode);
    }
}

public sealed class TrackingPerNumberLimitTests() : IDisposable
{
    private readonly FeedbackApp app = new(new Dictionary<string, string?> { ["Security:TrackingFailures:PerNumber"] = "3" });

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task WrongPinsForOneNumber_FromManyAddresses_StopEvenTheRightPin_AndAnUnknownNumberLooksTheSame()
    {
        var (number, pin) = await FileAsync(app, app.CreateBrowserClient());
        var wrongPin = pin == "000000" ? "111111" : "000000";
        const string unknown = "200101-ZZZZZZ";

        foreach (var tracked in new[] { number, unknown })
        {
            for (var i = 1; i <= 3; i++)
            {
                var wrong = await TrackAsync(app.CreateClientFrom($"203.0.113.{i}"), tracked, wrongPin);
                Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
                Assert.Contains("未找到该工单", await wrong.HtmlAsync());
            }
            var refused = await TrackAsync(app.CreateClientFrom("203.0.113.200"), tracked, pin);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var html = await refused.HtmlAsync();
            Assert.Contains("该查询编号的尝试次数过多", html);
            Assert.DoesNotContain("未找到该工单", html);
        }

        // Another case's number is not affected.
        var (other, otherPin) = await FileAsync(app, app.CreateBrowserClient());
        Assert.Equal(HttpStatusCode.Redirect, (await TrackAsync(app.CreateBrowserClient(), other, otherPin)).StatusCode);
    }
}
