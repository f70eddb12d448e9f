using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Web.Infrastructure.Email;
using Feedback.Web.Infrastructure.Outbox;
using Feedback.Web.Tests.Email;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Feedback.Web.Tests.Public.PublicFlows;

namespace Feedback.Web.Tests.Public;

/// <summary>
/// One app sending to one loopback SMTP server for the class, its email loops off (tests deliver). On the real
/// clock: the tracking page's proof is a cookie that lasts 30 minutes from now.
/// </summary>
public sealed class CustomerMessageFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();
    public FeedbackApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        var settings = Smtp.Settings();
        settings["Email:BackgroundEnabled"] = "false";
        App = new FeedbackApp(settings);
        _ = App.Services;
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// The submitter writes to an open case from "my cases" (signed in) or the tracking page (PIN): the message
/// and its files land on the timeline, whoever handles the case is emailed, the status stays (but answers a
/// waiting question); a closed case, another's case or bad files are refused with nothing written.
/// </summary>
public sealed class CustomerMessageTests(CustomerMessageFixture fixture) : IClassFixture<CustomerMessageFixture>
{
    private const string Customer = "customer@demo.local";
    private const string OtherCustomer = "customer2@demo.local";
    private const string Staff = "staff.billing@demo.local";
    private const string Head = "head.billing@demo.local";

    private readonly FeedbackApp _app = fixture.App;
    private readonly TestSmtpServer _smtp = fixture.Smtp;

    /// <summary>A billing case (routed to the billing centre by the shipped rules), filed by <paramref name="submitter"/> (null: a visitor), accepted by staff unless told not to.</summary>
    private async Task<CaseReceipt> FileAsync(string subject, string? submitter = Customer, bool accept = true)
    {
        // The shipped rules send a billing case in Bincheng to the billing centre.
        var (category, area) = await _app.DbAsync(async db => (
            await db.Categories.Where(c => c.Code == "billing").Select(c => c.Id).SingleAsync(),
            await db.ServiceAreas.Where(a => a.Code == "bincheng").Select(a => a.Id).SingleAsync()));
        var receipt = await _app.SendAsync(submitter, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, subject,
            "本月电费异常，请核实。", false, "王建国", "13812345678", "wang@example.com", null, null, "zh-CN", []));
        if (accept)
            await _app.SendAsync(Staff, new AcceptCase(receipt.CaseId));
        return receipt;
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateBrowserClient();
        await SignInAsync(client, email);
        return client;
    }

    internal static Task<HttpResponseMessage> PostMessageAsync(HttpClient client, string casePage, string message,
        params (string FileName, byte[] Content)[] files) =>
        client.PostMultipartAsync(casePage, Forms.Fields(("Input.Message", message)),
            files.Select(f => ("Input.Attachments", f.FileName, f.Content)), $"{casePage}?handler=Message");

    /// <summary>Publishes the stored domain events (queueing their emails), then sends what is due over SMTP.</summary>
    private async Task DeliverAsync()
    {
        await _app.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();
        await _app.Services.GetRequiredService<EmailDispatcher>().RunOnceAsync();
    }

    private Task<Case> CaseAsync(Guid id) =>
        _app.DbAsync(db => db.Cases.Include(c => c.Events).Include(c => c.Attachments).SingleAsync(c => c.Id == id));

    private Task<(int Events, int Attachments)> CountsAsync(Guid id) =>
        _app.DbAsync(async db => (await db.CaseEvents.CountAsync(e => e.CaseId == id), await db.CaseAttachments.CountAsync(a => a.CaseId == id)));

    [Fact]
    public async Task SignedInCustomer_AddsAMessageWithAPhoto_ItIsOnTheTimeline_AndTheAssigneeIsEmailed()
    {
        var receipt = await FileAsync("留言测试：已登录客户");
        var customer = await SignedInAsync(Customer);
        var page = $"/Customer/Case/{receipt.TrackingNumber}";
        Assert.Contains("handler=Message", await customer.GetHtmlAsync(page));

        var response = await PostMessageAsync(customer, page, "电表箱门坏了，照片见附件。", ("meter.png", Png));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("留言已添加到工单", await customer.GetHtmlAsync(response.Headers.Location!.OriginalString));
        var stored = await CaseAsync(receipt.CaseId);
        Assert.Equal(CaseStatus.InProgress, stored.Status);
        var entry = Assert.Single(stored.Events, e => e.Type == CaseEventType.SubmitterMessage);
        Assert.Equal("电表箱门坏了，照片见附件。", entry.Text);
        Assert.Equal(Actor.Submitter, entry.ActorCapacity);
        Assert.Equal("meter.png", Assert.Single(stored.Attachments).FileName);

        await DeliverAsync();
        var email = Assert.Single(_smtp.To(Staff), m => (m.Subject ?? "").Contains(receipt.TrackingNumber));
        Assert.Contains("客户新留言", email.Subject);
        Assert.Contains("电表箱门坏了，照片见附件。", email.TextBody);
        Assert.Contains($"/Staff/Case/{receipt.CaseId}", email.TextBody);
        Assert.DoesNotContain(_smtp.To(Head), m => (m.Subject ?? "").Contains(receipt.TrackingNumber));

        // Staff read it on the case page, labelled as the submitter's message, in either language.
        var staff = await SignedInAsync(Staff);
        var zh = await staff.GetHtmlAsync($"/Staff/Case/{receipt.CaseId}");
        Assert.Contains("提交人留言", zh);
        Assert.Contains("电表箱门坏了，照片见附件。", zh);
        Assert.Contains("Message from the submitter", await staff.GetHtmlAsync($"/Staff/Case/{receipt.CaseId}?culture=en"));
    }

    [Fact]
    public async Task PinProvedSubmitter_AddsAMessage_AndWithNobodyOnTheCaseTheDepartmentHeadsAreEmailed()
    {
        var receipt = await FileAsync("留言测试：凭查询密码", submitter: null, accept: false);
        // As in a department without staff to designate (StaffAssignment): routed, nobody named yet.
        await _app.DbAsync(db => db.Cases.Where(c => c.Id == receipt.CaseId).ExecuteUpdateAsync(u => u.SetProperty(c => c.AssigneeId, (Guid?)null)));
        var visitor = _app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TrackAsync(visitor, receipt.TrackingNumber, receipt.AccessPin)).StatusCode);
        var page = $"/Public/Case/{receipt.TrackingNumber}";

        var response = await PostMessageAsync(visitor, page, "补充：停电时间是晚上八点。", ("bill.png", Png));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await CaseAsync(receipt.CaseId);
        Assert.Equal(CaseStatus.Assigned, stored.Status);
        Assert.Contains(stored.Events, e => e.Type == CaseEventType.SubmitterMessage && e.Text == "补充：停电时间是晚上八点。");
        Assert.Single(stored.Attachments);
        Assert.Contains("补充：停电时间是晚上八点。", await visitor.GetHtmlAsync(page));

        await DeliverAsync();
        var email = Assert.Single(_smtp.To(Head), m => (m.Subject ?? "").Contains(receipt.TrackingNumber));
        Assert.Contains("补充：停电时间是晚上八点。", email.TextBody);
        Assert.DoesNotContain(_smtp.To(Staff), m => (m.Subject ?? "").Contains(receipt.TrackingNumber));
    }

    [Fact]
    public async Task AMessageWhileAQuestionWaits_IsItsAnswer_AwaitingInfoBecomesInProgress()
    {
        var receipt = await FileAsync("留言测试：待补充信息");
        await _app.SendAsync(Staff, new RequestInformation(receipt.CaseId, "请提供户号。"));
        var customer = await SignedInAsync(Customer);
        var page = $"/Customer/Case/{receipt.TrackingNumber}";

        var response = await PostMessageAsync(customer, page, "户号 0012345678。");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await CaseAsync(receipt.CaseId);
        Assert.Equal(CaseStatus.InProgress, stored.Status);
        Assert.Contains(stored.Events, e => e.Action == CaseAction.ProvideInfo && e.Text == "户号 0012345678。");
        await DeliverAsync();
        Assert.Single(_smtp.To(Staff), m => (m.Subject ?? "").Contains(receipt.TrackingNumber) && (m.TextBody ?? "").Contains("户号 0012345678。"));
    }

    [Fact]
    public async Task AnsweringTheQuestionWithItsOwnForm_AlsoTellsTheAssignee()
    {
        var receipt = await FileAsync("留言测试：补充信息表单");
        await _app.SendAsync(Staff, new RequestInformation(receipt.CaseId, "请提供户号。"));
        var customer = await SignedInAsync(Customer);
        var page = $"/Customer/Case/{receipt.TrackingNumber}";
        Assert.DoesNotContain("handler=Message", await customer.GetHtmlAsync(page));

        var response = await customer.PostMultipartAsync(page, Forms.Fields(("Input.Answer", "户号 0087654321。")), [],
            $"{page}?handler=ProvideInformation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CaseStatus.InProgress, (await CaseAsync(receipt.CaseId)).Status);
        await DeliverAsync();
        Assert.Single(_smtp.To(Staff), m => (m.Subject ?? "").Contains(receipt.TrackingNumber) && (m.TextBody ?? "").Contains("户号 0087654321。"));
    }

    [Fact]
    public async Task AClosedCase_RefusesMessagesWithALocalisedReason_AndShowsHowToGoOnInsteadOfTheForm()
    {
        var receipt = await FileAsync("留言测试：已办结");
        await _app.SendAsync(Staff, new ResolveCase(receipt.CaseId, "已处理。"));
        await _app.SendAsync(Customer, new ConfirmResolution(receipt.CaseId, SubmitterProof.None, null));
        var customer = await SignedInAsync(Customer);
        var page = $"/Customer/Case/{receipt.TrackingNumber}";
        var before = await CountsAsync(receipt.CaseId);

        var shown = await customer.GetHtmlAsync(page);
        var response = await PostMessageAsync(customer, page, "还有问题。", ("meter.png", Png));

        Assert.DoesNotContain("handler=Message", shown);
        Assert.Contains("case-closed-help", shown);
        Assert.Contains("href=\"/Public/File\"", shown);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("工单已办结，不能再留言", await response.HtmlAsync());
        Assert.Equal(before, await CountsAsync(receipt.CaseId));
        var english = await customer.GetHtmlAsync($"{page}?culture=en");
        Assert.Contains("This case is closed", english);
    }

    [Fact]
    public async Task AnotherCustomersCase_ByIdIs404_AndByTrackingNumberWithAWrongPinIsRefused_NothingWritten()
    {
        var receipt = await FileAsync("留言测试：他人工单");
        var before = await CountsAsync(receipt.CaseId);
        var other = await SignedInAsync(OtherCustomer);

        // The page is not shown to them, so the form's token comes from the home page.
        var byId = await other.PostMultipartAsync("/", Forms.Fields(("Input.Message", "冒充留言")), [("Input.Attachments", "x.png", Png)],
            $"/Customer/Case/{receipt.TrackingNumber}?handler=Message");

        var stranger = _app.CreateBrowserClient();
        var wrongPin = receipt.AccessPin == "000000" ? "111111" : "000000";
        Assert.Equal(HttpStatusCode.BadRequest, (await TrackAsync(stranger, receipt.TrackingNumber, wrongPin)).StatusCode);
        var byPin = await stranger.PostMultipartAsync("/Public/Track", Forms.Fields(("Input.Message", "冒充留言")), [("Input.Attachments", "x.png", Png)],
            $"/Public/Case/{receipt.TrackingNumber}?handler=Message");

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byPin.StatusCode);
        Assert.StartsWith("/Public/Track", byPin.Headers.Location!.OriginalString);
        Assert.Equal(before, await CountsAsync(receipt.CaseId));
    }

    [Fact]
    public async Task TooManyFilesOrAFileThatIsNotWhatItClaims_Is400_NothingWritten()
    {
        var receipt = await FileAsync("留言测试：附件");
        var customer = await SignedInAsync(Customer);
        var page = $"/Customer/Case/{receipt.TrackingNumber}";
        var before = await CountsAsync(receipt.CaseId);
        var filesBefore = CountStoredFiles(_app);

        var tooMany = await PostMessageAsync(customer, page, "六张照片。",
            Enumerable.Range(1, Case.MaxAttachments + 1).Select(i => ($"p{i}.png", Png)).ToArray());
        var fake = await PostMessageAsync(customer, page, "假照片。", ("meter.png", TextPretendingToBePng));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("handler=Message", await fake.HtmlAsync());
        Assert.Equal(before, await CountsAsync(receipt.CaseId));
        Assert.Equal(filesBefore, CountStoredFiles(_app));
    }

    [Fact]
    public async Task AnEmptyMessage_SaysWhatIsMissing_NothingWritten()
    {
        var receipt = await FileAsync("留言测试：空留言");
        var customer = await SignedInAsync(Customer);
        var before = await CountsAsync(receipt.CaseId);

        var response = await PostMessageAsync(customer, $"/Customer/Case/{receipt.TrackingNumber}", "  ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("此项为必填项", await response.HtmlAsync());
        Assert.Equal(before, await CountsAsync(receipt.CaseId));
    }
}

/// <summary>Writing to a case counts against the tracking budget per client address; showing the page does not.</summary>
public sealed class CustomerMessageRateLimitTests : IDisposable
{
    private readonly FeedbackApp _app = new(new Dictionary<string, string?> { ["RateLimits:tracking"] = "3" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task MoreMessagesThanTheLimit_Give429_AndTheRefusedOneIsNotWritten()
    {
        var (number, pin) = await FileAsync(_app, _app.CreateBrowserClient());
        var visitor = _app.CreateBrowserClient();
        // Proving the PIN is the first write of the budget.
        Assert.Equal(HttpStatusCode.Redirect, (await TrackAsync(visitor, number, pin)).StatusCode);
        var statuses = new List<HttpStatusCode>();

        for (var i = 1; i <= 3; i++)
            statuses.Add((await CustomerMessageTests.PostMessageAsync(visitor, $"/Public/Case/{number}", $"第 {i} 条留言")).StatusCode);

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        var messages = await _app.DbAsync(db => db.CaseEvents.CountAsync(e => e.Type == CaseEventType.SubmitterMessage && db.Cases.Any(c => c.Id == e.CaseId && c.TrackingNumber == number)));
        Assert.Equal(2, messages);
    }
}
