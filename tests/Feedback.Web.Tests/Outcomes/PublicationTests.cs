using System.Net;
using System.Xml.Linq;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Notifications;
using Feedback.Domain.Publishing;
using Feedback.Domain.Publishing.Commands;
using Feedback.Domain.Publishing.Queries;
using Feedback.Domain.Rectification;
using Feedback.Domain.Rectification.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>Suggestion decisions, the public notice (masking, four eyes, unpublishing), the board, the feed and content pages.</summary>
public sealed class PublicationTests(OutcomeApp app) : IClassFixture<OutcomeApp>
{
    private const string Draft = """
        ## 整改情况

        客户王建国（电话 13812345678）反映电费异常。经核查为抄表员误读，已退还多收电费。
        """;

    private Task<(CaseReceipt Receipt, Guid OutcomeId)> PublishedAsync(string title = "关于王建国反映电费异常的整改") =>
        app.PublishNoticeAsync(title, Draft);

    [Fact]
    public async Task AnApprovedNotice_IsOnTheBoard_InTheFeed_AndOnItsPage_Masked()
    {
        var (_, id) = await PublishedAsync();
        var client = app.CreateClient();

        var board = await client.GetStringAsync("/Outcomes");
        Assert.Contains($"/Outcomes/{id}", board);
        Assert.Contains("关于王**反映电费异常的整改", board);
        Assert.DoesNotContain("王建国", board);

        var detail = await client.GetStringAsync($"/Outcomes/{id}");
        Assert.Contains("王**（电话 138****5678）", detail);
        Assert.DoesNotContain("13812345678", detail);
        Assert.Contains("更正读数并退还多收电费", detail);
        Assert.Contains("对抄表员开展复训", detail);
        Assert.Contains("整改进度：50%", detail);

        var response = await client.GetAsync("/Outcomes/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        foreach (var required in new[] { "id", "title", "updated", "author" })
            Assert.NotNull(feed.Root.Element(atom + required));
        var entry = feed.Root.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value == $"urn:uuid:{id}");
        Assert.Equal("关于王**反映电费异常的整改", entry.Element(atom + "title")!.Value);
        Assert.True(DateTimeOffset.TryParse(entry.Element(atom + "updated")!.Value, out _));
        var content = entry.Element(atom + "content")!;
        Assert.Equal("html", content.Attribute("type")!.Value);
        Assert.Contains("138****5678", content.Value);
        Assert.DoesNotContain("13812345678", feed.ToString());
    }

    [Fact]
    public async Task TheBoard_FiltersByCategoryAreaMonthAndKind_InSql()
    {
        var (_, id) = await PublishedAsync("筛选用公示");
        var (category, area) = await app.BillingInBinchengAsync();
        var month = app.Clock.GetUtcNow().AddHours(8).ToString("yyyy-MM");
        async Task<bool> Listed(ListPublishedOutcomes query) =>
            (await app.QueryAsync(null, query with { PageSize = 100 })).Items.Any(o => o.Id == id);

        Assert.True(await Listed(new ListPublishedOutcomes(category, area, month, CaseKind.Complaint)));
        Assert.False(await Listed(new ListPublishedOutcomes(Kind: CaseKind.Suggestion)));
        Assert.False(await Listed(new ListPublishedOutcomes(Month: "2025-01")));
        Assert.False(await Listed(new ListPublishedOutcomes(CategoryId: Guid.NewGuid())));
        Assert.False(await Listed(new ListPublishedOutcomes(ServiceAreaId: Guid.NewGuid())));

        var page = await app.CreateClient().GetStringAsync($"/Outcomes?Category={category}&Area={area}&Month={month}&Kind=Complaint");
        Assert.Contains($"/Outcomes/{id}", page);
    }

    [Theory]
    [InlineData("/Outcomes?Month=2026-13")]
    [InlineData("/Outcomes?Category=not-a-guid")]
    [InlineData("/Outcomes?Kind=Nonsense")]
    [InlineData("/Outcomes?PageNumber=0")]
    [InlineData("/Outcomes/Suggestions?PageNumber=-1")]
    public async Task BadBoardFilters_GetA400WithTheBoard_NeverA500(string url)
    {
        var response = await app.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnpublishingNeedsAReason_TakesItOffTheBoard_AndKeepsTheHistory()
    {
        var (receipt, id) = await PublishedAsync("将被撤销的公示");
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(OutcomeApp.Head, new UnpublishOutcome(receipt.CaseId, " ")));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(OutcomeApp.Staff, new UnpublishOutcome(receipt.CaseId, "x")));
        await app.SendAsync(OutcomeApp.Head, new UnpublishOutcome(receipt.CaseId, "公示内容需要更正"));

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/Outcomes/{id}")).StatusCode);
        Assert.DoesNotContain($"/Outcomes/{id}", await app.CreateClient().GetStringAsync("/Outcomes"));
        var work = await app.QueryAsync(OutcomeApp.Head, new GetOutcomeWork(receipt.CaseId));
        Assert.Equal(OutcomeStatus.Unpublished, work.Outcome!.Status);
        Assert.Equal([OutcomeStep.Drafted, OutcomeStep.Submitted, OutcomeStep.Approved, OutcomeStep.Unpublished], work.Outcome.History.Select(h => h.Step));
        Assert.Equal("公示内容需要更正", work.Outcome.History[^1].Note);
    }

    [Fact]
    public async Task AHeadWhoWroteTheNotice_CannotApproveIt()
    {
        var receipt = await app.FileAndAcceptAsync();
        await app.SendAsync(OutcomeApp.Staff, new ResolveCase(receipt.CaseId, "已处理"));
        await app.SendAsync(OutcomeApp.Head, new SaveOutcomeDraft(receipt.CaseId, "标题", "内容"));
        await app.SendAsync(OutcomeApp.Head, new SubmitOutcome(receipt.CaseId));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(OutcomeApp.Head, new ApproveOutcome(receipt.CaseId)));
        Assert.Equal("Outcomes.Outcome.FourEyes", refused.Code);
        Assert.False((await app.QueryAsync(OutcomeApp.Head, new GetOutcomeWork(receipt.CaseId))).MayApprove);
    }

    [Fact]
    public async Task AMisconductReport_CannotGetAPublicNotice()
    {
        var (category, area) = await app.BillingInBinchengAsync();
        var receipt = await app.SendAsync(null, new SubmitCase(CaseKind.Report, Channel.Web, category, area, "抄表员索要好处费",
            "抄表员上门时索要好处费。", false, "赵六", "13900001111", null, null, null, "zh-CN", []));
        await app.SendAsync("staff.integrity@demo.local", new AcceptCase(receipt.CaseId));
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            app.SendAsync("staff.integrity@demo.local", new SaveOutcomeDraft(receipt.CaseId, "公示", "内容")));
        Assert.Equal("Outcomes.Outcome.ReportNeverPublished", refused.Code);
        Assert.Equal(0, await app.DbAsync(db => db.Outcomes.CountAsync(o => o.CaseId == receipt.CaseId)));
    }

    [Fact]
    public async Task ThePreview_ShowsTheMaskedText_AndWhatWasMasked_WithoutSaving()
    {
        var receipt = await app.FileAndAcceptAsync();
        var client = app.CreateBrowserClient();
        await client.SignInAsync(OutcomeApp.Staff);
        var page = $"/Staff/Case/{receipt.CaseId}/Outcome";
        var response = await client.PostAsync(page, Forms.Fields(("Draft.Title", "预览"), ("Draft.Markdown", Draft + "\n\n[link](javascript:alert(1)) <script>x</script>")),
            $"{page}?handler=Preview");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("王**（电话 138****5678）", html);
        Assert.Contains("<td>13812345678</td>", html);
        Assert.Contains("<td>王建国</td>", html);
        // The drafter's own text stays in the (encoded) textarea; the rendered preview carries no script or script link.
        var preview = html[html.IndexOf("outcome-preview", StringComparison.Ordinal)..];
        Assert.DoesNotContain("javascript:", preview);
        Assert.DoesNotContain("<script", preview);
        Assert.Equal(0, await app.DbAsync(db => db.Outcomes.CountAsync(o => o.CaseId == receipt.CaseId)));
    }

    [Fact]
    public async Task ASuggestionDecision_IsEmailed_CountedAndListedPublicly()
    {
        var receipt = await app.FileAndAcceptAsync(CaseKind.Suggestion, "建议增设自助缴费终端");
        await app.SendAsync(OutcomeApp.Staff, new DecideSuggestion(receipt.CaseId, SuggestionVerdict.Adopted, "将在滨城区营业厅增设两台终端。"));
        await app.PublishOutboxAsync();
        var email = Assert.Single(await app.EmailsAsync(receipt.CaseId, EmailTemplates.SuggestionDecision));
        Assert.Equal("wang@example.com", email.To);
        Assert.Contains("采纳", email.Body);
        Assert.Contains("增设两台终端", email.Body);

        await app.SendAsync(OutcomeApp.Staff, new ResolveCase(receipt.CaseId, "已采纳"));
        await app.SendAsync(OutcomeApp.Customer, new ConfirmResolution(receipt.CaseId, SubmitterProof.None));
        var now = app.Clock.GetUtcNow();
        Assert.Contains(receipt.CaseId, await app.DbAsync(db => db.AdoptedSuggestionsClosed(now.AddDays(-1), now.AddDays(1)).ToListAsync()));
        Assert.DoesNotContain(receipt.CaseId, await app.DbAsync(db => db.AdoptedSuggestionsClosed(now.AddDays(1), now.AddDays(2)).ToListAsync()));

        var list = await app.CreateClient().GetStringAsync("/Outcomes/Suggestions");
        Assert.Contains("建议增设自助缴费终端", list);
        Assert.Contains("将在滨城区营业厅增设两台终端", list);
        // A complaint takes no decision.
        var complaint = await app.FileAndAcceptAsync();
        await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(OutcomeApp.Staff, new DecideSuggestion(complaint.CaseId, SuggestionVerdict.Adopted, "x")));
    }

    [Fact]
    public async Task ContentPagesWithATitle_AreInTheNavigation_InTheReadersLanguage()
    {
        var chinese = await app.CreateClient().GetStringAsync("/");
        Assert.Contains("href=\"/Public/Page/how-we-handle-feedback\"", chinese);
        Assert.Contains(">办理流程</a>", chinese);
        Assert.Contains("href=\"/Outcomes\"", chinese);
        var english = await app.CreateClient().GetStringAsync("/?culture=en");
        Assert.Contains("href=\"/Public/Page/privacy\"", english);
        Assert.DoesNotContain(">办理流程</a>", english);
    }
}
