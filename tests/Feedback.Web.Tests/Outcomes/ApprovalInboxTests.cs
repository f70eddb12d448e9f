using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Publishing.Commands;
using Feedback.Domain.Publishing.Queries;
using Feedback.Domain.Rectification;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>The heads' approval inbox (待审批公示), its navigation badge, and overdue measures on the timeline and in the inbox's header.</summary>
public sealed class ApprovalInboxTests(OutcomeApp app) : IClassFixture<OutcomeApp>
{
    private const string Admin = "admin@demo.local";
    private const string OmHead = "head.om@demo.local";

    /// <summary>A resolved billing case whose notice <see cref="OutcomeApp.Staff"/> drafted; sent for approval unless <paramref name="submit"/> is false.</summary>
    private async Task<CaseReceipt> NoticeAsync(string subject, bool submit = true)
    {
        var receipt = await app.FileAndAcceptAsync(subject: subject);
        await app.SendAsync(OutcomeApp.Staff, new ResolveCase(receipt.CaseId, "已处理"));
        await app.SendAsync(OutcomeApp.Staff, new SaveOutcomeDraft(receipt.CaseId, $"公示：{subject}", "已整改。"));
        if (submit)
            await app.SendAsync(OutcomeApp.Staff, new SubmitOutcome(receipt.CaseId));
        return receipt;
    }

    /// <summary>An outage case (the shipped rules send it to O&amp;M) with a notice sent for approval.</summary>
    private async Task<CaseReceipt> OmNoticeAsync()
    {
        var (category, area) = await app.DbAsync(async db => (
            await db.Categories.Where(c => c.Code == "outage").Select(c => c.Id).SingleAsync(),
            await db.ServiceAreas.Where(a => a.Code == "huimin").Select(a => a.Id).SingleAsync()));
        var receipt = await app.SendAsync(OutcomeApp.Customer, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "惠民县频繁停电",
            "本周停电三次。", false, "李四", "13900002222", null, null, null, "zh-CN", []));
        await app.SendAsync(OutcomeApp.OtherStaff, new AcceptCase(receipt.CaseId));
        await app.SendAsync(OutcomeApp.OtherStaff, new ResolveCase(receipt.CaseId, "已更换线路"));
        await app.SendAsync(OutcomeApp.OtherStaff, new SaveOutcomeDraft(receipt.CaseId, "惠民县线路改造公示", "已更换老旧线路。"));
        await app.SendAsync(OutcomeApp.OtherStaff, new SubmitOutcome(receipt.CaseId));
        return receipt;
    }

    private async Task<string> PageAsync(string email, string url)
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task TheInbox_ListsTheHeadsDepartmentsSubmittedNotices_OldestFirst_AndNoDraftsOrPublishedOnes()
    {
        var first = await NoticeAsync("第一条待审批");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await NoticeAsync("第二条待审批");
        var draft = await NoticeAsync("仍是草稿", submit: false);
        var published = await NoticeAsync("已经发布");
        await app.SendAsync(OutcomeApp.Head, new ApproveOutcome(published.CaseId));
        var returned = await NoticeAsync("已被退回");
        await app.SendAsync(OutcomeApp.Head, new ReturnOutcome(returned.CaseId, "请补充整改时间"));
        var otherDepartment = await OmNoticeAsync();

        var html = await PageAsync(OutcomeApp.Head, "/Staff/Approvals");
        Assert.Contains($"href=\"/Staff/Case/{first.CaseId}/Outcome#publication\"", html);
        Assert.Contains("第一条待审批", html);
        Assert.Contains("公示：第二条待审批", html);
        Assert.True(html.IndexOf(first.TrackingNumber, StringComparison.Ordinal) < html.IndexOf(second.TrackingNumber, StringComparison.Ordinal));
        foreach (var absent in new[] { draft, published, returned, otherDepartment })
            Assert.DoesNotContain(absent.TrackingNumber, html);

        var inbox = await app.QueryAsync(OutcomeApp.Head, new ListOutcomeApprovals(PageSize: 100));
        var row = Assert.Single(inbox.Notices.Items, r => r.CaseId == first.CaseId);
        Assert.Equal(("第一条待审批", "公示：第一条待审批", true), (row.CaseSubject, row.PublicTitle, row.MayOpen));
        Assert.NotNull(row.SubmittedAt);
        Assert.NotEmpty(row.DraftedByName);
        var omInbox = await app.QueryAsync(OmHead, new ListOutcomeApprovals(PageSize: 100));
        Assert.Contains(otherDepartment.CaseId, omInbox.Notices.Items.Select(r => r.CaseId));
        Assert.DoesNotContain(omInbox.Notices.Items, r => r.CaseId == first.CaseId || r.CaseId == second.CaseId);
    }

    [Fact]
    public async Task AnAdmin_SeesEveryDepartmentsNotices_WithoutCaseTextsOrLinks()
    {
        var billing = await NoticeAsync("管理员可见的公示");
        var om = await OmNoticeAsync();

        var inbox = await app.QueryAsync(Admin, new ListOutcomeApprovals(PageSize: 100));
        var ids = inbox.Notices.Items.Select(r => r.CaseId).ToList();
        Assert.Contains(billing.CaseId, ids);
        Assert.Contains(om.CaseId, ids);
        // Admins do not read cases (ADR 0006): the masked notice title, no subject, no link.
        Assert.All(inbox.Notices.Items, r => Assert.Equal((null, false), (r.CaseSubject, r.MayOpen)));
        var html = await PageAsync(Admin, "/Staff/Approvals");
        Assert.Contains(om.TrackingNumber, html);
        Assert.DoesNotContain("惠民县频繁停电", html);
        Assert.DoesNotContain($"/Staff/Case/{om.CaseId}", html);
    }

    [Theory]
    [InlineData(OutcomeApp.Staff)]
    [InlineData("dispatcher@demo.local")]
    [InlineData(OutcomeApp.Customer)]
    public async Task OthersThanHeadsAndAdmins_AreRefused(string email)
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email);
        // The site's convention for a signed-in person without the role: the 403 page.
        var response = await client.GetAsync("/Staff/Approvals");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Error/403", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("href=\"/Staff/Approvals\"", await client.GetStringAsync("/"));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.QueryAsync(email, new ListOutcomeApprovals()));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.QueryAsync(email, new CountOutcomeApprovals()));
    }

    [Fact]
    public async Task SomeoneSignedOut_IsSentToSignIn()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/Staff/Approvals");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/Staff/Approvals?page=0")]
    [InlineData("/Staff/Approvals?page=abc")]
    public async Task ABadPageNumber_GetsA400_NeverA500(string url)
    {
        var client = app.CreateBrowserClient();
        await client.SignInAsync(OutcomeApp.Head);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TheNavigationBadge_CountsTheNoticesWaitingForTheHead()
    {
        var before = await app.QueryAsync(OutcomeApp.Head, new CountOutcomeApprovals());
        var receipt = await NoticeAsync("计入角标的公示");
        Assert.Equal(before + 1, await app.QueryAsync(OutcomeApp.Head, new CountOutcomeApprovals()));

        var home = await PageAsync(OutcomeApp.Head, "/");
        Assert.Contains("href=\"/Staff/Approvals\"", home);
        Assert.Contains($"approvals-badge\">{before + 1}<", home);

        await app.SendAsync(OutcomeApp.Head, new ApproveOutcome(receipt.CaseId));
        Assert.Equal(before, await app.QueryAsync(OutcomeApp.Head, new CountOutcomeApprovals()));
        Assert.Equal(
            await app.DbAsync(db => db.Outcomes.CountAsync(o => o.Status == Domain.Publishing.OutcomeStatus.AwaitingApproval)),
            await app.QueryAsync(Admin, new CountOutcomeApprovals()));
    }

    [Fact]
    public async Task TheOverdueSweep_PutsTheMeasureOnTheInternalTimeline_Once_AndTheInboxCountsIt()
    {
        var (receipt, _, _) = await app.FileWithTwoMeasuresAsync();
        app.Clock.Advance(TimeSpan.FromDays(4));
        await app.ScanAsync();
        await app.ScanAsync();

        var @case = await app.CaseAsync(receipt.CaseId);
        var entry = Assert.Single(@case.Events, e => e.Type == CaseEventType.MeasureOverdue);
        Assert.Equal(("更正读数并退还多收电费", false, Actor.System), (entry.Text, entry.IsPublic, entry.ActorCapacity));

        var staffPage = await PageAsync(OutcomeApp.Staff, $"/Staff/Case/{receipt.CaseId}");
        Assert.Contains("整改措施逾期", staffPage);
        var submitterPage = await PageAsync(OutcomeApp.Customer, $"/Customer/Case/{receipt.TrackingNumber}");
        Assert.DoesNotContain("整改措施逾期", submitterPage);
        var submitterView = await app.QueryAsync(OutcomeApp.Customer, new GetSubmitterCase(receipt.TrackingNumber, SubmitterProof.None));
        Assert.DoesNotContain(submitterView.Timeline, e => e.Text == "更正读数并退还多收电费");

        // The header of the inbox counts the department's overdue measures, as the report query does (grouped in SQL).
        var now = app.Clock.GetUtcNow();
        var billing = await app.DbAsync(db => db.Departments.Where(d => d.Code == "billing-centre").Select(d => d.Id).SingleAsync());
        var expected = await app.DbAsync(db => db.OverdueMeasures(now).CountAsync(m => m.DepartmentId == billing));
        Assert.True(expected >= 1);
        var inbox = await app.QueryAsync(OutcomeApp.Head, new ListOutcomeApprovals());
        Assert.Equal([new DepartmentCount(billing, expected)], inbox.OverdueMeasures);
        Assert.Contains($"电费管理中心：{expected} 项逾期", await PageAsync(OutcomeApp.Head, "/Staff/Approvals"));
        Assert.DoesNotContain(billing, (await app.QueryAsync(OmHead, new ListOutcomeApprovals())).OverdueMeasures.Select(d => d.DepartmentId));
    }

    [Fact]
    public async Task TheInboxQueries_SeekTheDepartmentStatusSubmittedAtIndex()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var head = new HeadOf(Guid.CreateVersion7());
        var awaiting = OutcomeApprovals.Awaiting(db, head);
        foreach (var sql in new[] { OutcomeApprovals.Page(db, awaiting, head.DepartmentId, 1, 20).ToQueryString(), awaiting.Select(o => o.Id).ToQueryString() })
        {
            var plan = await QueryPlan.ExplainAsync(db, sql);
            var onOutcomes = plan.Where(step => step.StartsWith("SCAN o") || step.StartsWith("SEARCH o")).ToList();
            Assert.True(onOutcomes.Count > 0 && onOutcomes.Any(step => step.Contains("IX_Outcomes_DepartmentId_Status_SubmittedAt")), string.Join(" | ", plan));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE") || step == "SCAN o");
        }
    }

    private sealed record HeadOf(Guid? DepartmentId) : ICurrentUser
    {
        public Guid? UserId => Guid.Empty;
        public string? DisplayName => "head";
        public bool IsInRole(string role) => role == Roles.DepartmentHead;
    }
}
