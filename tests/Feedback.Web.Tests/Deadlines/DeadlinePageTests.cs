using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Sla;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Deadlines;

/// <summary>The deadlines section of the staff case page: what it shows and its extension forms, over HTTP.</summary>
public sealed class DeadlinePageTests(DeadlineApp app) : IClassFixture<DeadlineApp>
{
    private static string CasePage(Guid id) => $"/Staff/Case/{id}";

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task StaffRequestAnExtensionOnThePage_TheHeadApprovesIt_AndThePageShowsBothDeadlines()
    {
        var id = await app.FileAndAcceptAsync();
        var staff = await SignedInAsync(DeadlineApp.Staff);
        var head = await SignedInAsync(DeadlineApp.Head);
        var original = (await app.CaseAsync(id)).ResolveBy;

        var page = await staff.GetStringAsync(CasePage(id));
        Assert.Contains("handler=RequestExtension", page);
        Assert.DoesNotContain("handler=DecideExtension", page);

        var requested = await staff.PostAsync(CasePage(id), Forms.Fields(("Extension.WorkingDays", "3"), ("Extension.Reason", "等待供电所现场复核")),
            $"{CasePage(id)}?handler=RequestExtension");
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var afterRequest = await staff.GetStringAsync(CasePage(id));
        Assert.Contains("延期申请已提交", afterRequest);
        Assert.Contains("data-extension-status=\"Pending\"", afterRequest);
        Assert.Contains("等待供电所现场复核", afterRequest);
        Assert.DoesNotContain("handler=RequestExtension", afterRequest);

        var forHead = await head.GetStringAsync(CasePage(id));
        Assert.Contains("handler=DecideExtension", forHead);
        var extensionId = Assert.Single((await app.CaseAsync(id)).Extensions).Id;
        var approved = await head.PostAsync(CasePage(id),
            Forms.Fields(("Decision.ExtensionId", extensionId.ToString()), ("Decision.Approve", "true"), ("Decision.Note", "同意")),
            $"{CasePage(id)}?handler=DecideExtension");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var @case = await app.CaseAsync(id);
        var calendar = await app.CalendarAsync();
        Assert.Equal(calendar.AddWorkingDays(original!.Value, 3), @case.ResolveBy);
        Assert.Equal(original, @case.OriginalResolveBy);
        var shown = await head.GetStringAsync(CasePage(id));
        Assert.Contains("data-extension-status=\"Approved\"", shown);
        Assert.Contains("已延期", shown);
        Assert.Contains(Local(calendar, @case.OriginalResolveBy), shown);
        Assert.Contains(Local(calendar, @case.ResolveBy), shown);
        Assert.Contains("批准延期", shown); // the decision on the timeline
    }

    [Theory]
    [InlineData("0", "reason", "Extension.WorkingDays")]
    [InlineData("31", "reason", "Extension.WorkingDays")]
    [InlineData("abc", "reason", "Extension.WorkingDays")]
    [InlineData("2", "", "Extension.Reason")]
    public async Task ABadExtensionRequest_IsShownAgainWithTheMessage_AndNothingIsStored(string days, string reason, string field)
    {
        var id = await app.FileAndAcceptAsync();
        var staff = await SignedInAsync(DeadlineApp.Staff);

        var response = await staff.PostAsync(CasePage(id), Forms.Fields(("Extension.WorkingDays", days), ("Extension.Reason", reason)),
            $"{CasePage(id)}?handler=RequestExtension");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-valmsg-for=\"{field}\"", html);
        Assert.Matches($"data-valmsg-for=\"{field.Replace(".", "\\.")}\"[^>]*>[^<]+<", html);
        Assert.Empty((await app.CaseAsync(id)).Extensions);
    }

    [Fact]
    public async Task StaffCannotDecide_AndOtherDepartmentsCannotSeeTheCase()
    {
        var id = await app.FileAndAcceptAsync();
        await app.SendAsync(DeadlineApp.Staff, new Feedback.Domain.Sla.Commands.RequestDeadlineExtension(id, 1, "复核"));
        var extensionId = Assert.Single((await app.CaseAsync(id)).Extensions).Id;
        var staff = await SignedInAsync(DeadlineApp.Staff);

        var decided = await staff.PostAsync(CasePage(id), Forms.Fields(("Decision.ExtensionId", extensionId.ToString()), ("Decision.Approve", "true")),
            $"{CasePage(id)}?handler=DecideExtension");

        Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
        Assert.Equal(ExtensionStatus.Pending, Assert.Single((await app.CaseAsync(id)).Extensions).Status);
        var other = await SignedInAsync("staff.om@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(CasePage(id))).StatusCode);
    }

    [Fact]
    public async Task ThePage_ShowsThePauseWithItsReason_TheEscalationState_AndLabelsTheLadderOnTheTimeline()
    {
        var id = await app.FileAndAcceptAsync();
        await app.ActAsync(id, DeadlineApp.Staff, Actor.Staff, (@case, by, now) => @case.RequestInformation("请提供户号", by, now));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await app.ActAsync(id, DeadlineApp.Staff, Actor.Staff, (@case, by, now) => @case.ProvideInformation("户号 0543001", by, now));
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.ScanAsync();

        var html = await (await SignedInAsync(DeadlineApp.Dispatcher)).GetStringAsync(CasePage(id));

        Assert.Contains("id=\"deadline-pauses\"", html);
        Assert.Contains("请提供户号", html);
        Assert.Contains("30 分钟", html);
        Assert.Contains("data-escalation=\"Escalated\"", html);
        Assert.Contains("时限预警：已用 75% 时限", html);
        Assert.Contains("超期升级：已通报客户服务中心", html);
        Assert.DoesNotContain("Staff.Event.Deadline", html);
        Assert.DoesNotContain("Deadlines.", html);
    }

    private static string Local(WorkCalendar calendar, DateTimeOffset? instant) =>
        calendar.ToLocal(instant!.Value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
