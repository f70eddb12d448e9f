using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Routing.Commands;
using Feedback.Web.Tests.Account;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Routing;

/// <summary>The try-it panel: which rule a sample case matches, why each earlier rule did not, and the deadlines — in zh-CN and English.</summary>
[Collection(RoutingCollection.Name)]
public sealed class RoutingTryItTests(RoutingAppFixture fixture)
{
    private const string Admin = "admin@demo.local";
    private readonly RoutingApp _app = fixture.App;

    /// <summary>Two rules on one keyword: the first only for hotline calls, the second for any channel.</summary>
    private async Task<(string Keyword, int HotlineOrder, int AnyOrder)> TwoRulesAsync()
    {
        var keyword = "试" + Guid.NewGuid().ToString("N")[..6];
        await _app.SendAsync(Admin, new AddRoutingRule(new RoutingRuleFields($"热线 {keyword}", [], [], [], [Channel.Hotline], [keyword],
            await _app.DepartmentAsync("billing-centre"), Priority.Normal)));
        await _app.SendAsync(Admin, new AddRoutingRule(new RoutingRuleFields($"任意 {keyword}", [], [], [], [], [keyword],
            await _app.DepartmentAsync("metering-centre"), Priority.High)));
        var orders = await _app.DbAsync(db => db.RoutingRules.Where(r => r.Name.EndsWith(keyword)).OrderBy(r => r.Order).Select(r => r.Order).ToListAsync());
        return (keyword, orders[0], orders[1]);
    }

    private async Task<string> TryAsync(HttpClient admin, string culture, string subject, CaseKind kind = CaseKind.Complaint,
        string channel = "Web", string category = "other", Guid? accused = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var url = $"/Admin/Routing?culture={culture}&Try.Run=true&Try.Kind={kind}&Try.Channel={channel}" +
                  $"&Try.CategoryId={await _app.CategoryAsync(category)}&Try.ServiceAreaId={await _app.AreaAsync("bincheng")}" +
                  $"&Try.Subject={Uri.EscapeDataString(subject)}&Try.Description=&Try.AccusedDepartmentId={accused}";
        var response = await admin.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await response.VisibleTextAsync();
    }

    [Fact]
    public async Task InChinese_ItNamesTheMatchingRule_TheFailedConditionOfEachEarlierRule_AndTheDeadlines()
    {
        _app.Clock.SetUtcNow(RoutingApp.NationalDayEve);
        var (keyword, hotline, any) = await TwoRulesAsync();
        var admin = await _app.SignedInAsync(Admin);
        var cases = await _app.DbAsync(db => db.Cases.CountAsync());

        var html = await TryAsync(admin, "zh-CN", $"关于{keyword}的问题");

        Assert.Contains($"匹配第 {any} 条规则“任意 {keyword}”。", html);
        Assert.Contains($"第 {hotline} 条“热线 {keyword}”：渠道为“网站”，本规则只接收：95598 热线", html);
        Assert.Contains($"第 {any} 条“任意 {keyword}”：条件全部满足（命中关键词 “{keyword}”）", html);
        // The shipped rules before them, each refused for its own reason.
        Assert.Contains("：类型为“投诉”，本规则只接收：表扬", html);
        Assert.Contains("：业务分类为“其他”，本规则只接收：停电及供电质量", html);
        Assert.Contains("：主题和描述中没有出现任何关键词：“停电”、“断电”", html);
        Assert.Contains("责任部门 计量管理中心 优先级 高", html);
        Assert.Contains("适用的承诺时限 投诉 Complaint（首次联系 1 个工作日，办结 5 个工作日）", html);
        Assert.Contains("2026-09-30 10:00 周三", html);
        Assert.Contains("2026-10-08 10:00 周四", html);
        Assert.Contains("2026-10-13 10:00 周二", html);
        Assert.Contains("Asia/Shanghai", html);
        Assert.Equal(cases, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task InEnglish_TheSameTrialReadsInEnglish_WithoutChineseTemplates()
    {
        _app.Clock.SetUtcNow(RoutingApp.NationalDayEve);
        var (keyword, hotline, any) = await TwoRulesAsync();
        var admin = await _app.SignedInAsync(Admin);

        var html = await TryAsync(admin, "en", $"about {keyword}");

        Assert.Contains($"Rule #{any} “任意 {keyword}” matches.", html);
        Assert.Contains($"Rule #{hotline} “热线 {keyword}”: the channel is “Website”; this rule takes only: 95598 hotline", html);
        Assert.Contains($"all conditions hold (keyword “{keyword}” found)", html);
        Assert.Contains(": the category is “Other”; this rule takes only: Outages & Supply Quality", html);
        Assert.Contains("Department Metering Centre", html);
        Assert.Contains("2026-10-08 10:00 Thu", html);
        // Rule names are data (the shipped ones are bilingual); every sentence around them must be English.
        foreach (var chinese in new[] { "本规则只接收", "条件全部满足", "匹配第", "网站", "结果", "工作日", "周四" })
            Assert.DoesNotContain(chinese, html);
    }

    [Fact]
    public async Task ADisabledRule_IsShownAsSkipped()
    {
        var (keyword, hotline, _) = await TwoRulesAsync();
        var id = await _app.DbAsync(db => db.RoutingRules.Where(r => r.Name == $"热线 {keyword}").Select(r => r.Id).SingleAsync());
        await _app.SendAsync(Admin, new EnableRoutingRule(id, false));
        var html = await TryAsync(await _app.SignedInAsync(Admin), "zh-CN", keyword, channel: "Hotline");
        Assert.Contains($"第 {hotline} 条“热线 {keyword}”：已停用，跳过", html);
        Assert.Contains("计量管理中心", html);
    }

    [Fact]
    public async Task AReport_ShowsTheIntegrityOfficeOverride_AndOneAccusingThatOfficeGoesToTriage()
    {
        var admin = await _app.SignedInAsync(Admin);
        var html = await TryAsync(admin, "zh-CN", "抄表员索要好处费", CaseKind.Report, accused: await _app.DepartmentAsync("metering-centre"));
        Assert.Contains("举报一律转纪检监察室，不使用派单规则。", html);
        Assert.Contains("责任部门 纪检监察室", html);
        Assert.Contains("优先级 高", html);
        Assert.Contains("举报 Misconduct report", html);

        var accusingTheOffice = await TryAsync(admin, "en", "about the office", CaseKind.Report, accused: await _app.DepartmentAsync("integrity-office"));
        Assert.Contains("This report cannot go to the Integrity office", accusingTheOffice);
        Assert.Contains("Triage queue (dispatchers)", accusingTheOffice);
    }

    [Fact]
    public async Task NoMatchingRule_SendsTheSampleToTriage()
    {
        var html = await TryAsync(await _app.SignedInAsync(Admin), "zh-CN", "无人认领的问题 " + Guid.NewGuid().ToString("N"));
        Assert.Contains("没有规则匹配：工单将进入调度员的分拣队列。", html);
        Assert.Contains("分拣队列（调度员）", html);
        Assert.Contains("适用的承诺时限 投诉 Complaint", html);
    }

    [Fact]
    public async Task BadSampleInput_Is400WithAMessage()
    {
        var admin = await _app.SignedInAsync(Admin);
        var bogusKind = await admin.GetAsync("/Admin/Routing?Try.Run=true&Try.Kind=Bogus&Try.Channel=Web");
        Assert.Equal(HttpStatusCode.BadRequest, bogusKind.StatusCode);
        Assert.Contains("“Bogus”不是有效的值", await bogusKind.TextAsync());

        var unknownCategory = await admin.GetAsync($"/Admin/Routing?Try.Run=true&Try.Kind=Complaint&Try.Channel=Web&Try.CategoryId={Guid.NewGuid()}&Try.ServiceAreaId={await _app.AreaAsync("bincheng")}");
        Assert.Equal(HttpStatusCode.BadRequest, unknownCategory.StatusCode);
        Assert.Contains("所选的值无效", await unknownCategory.TextAsync());
    }
}
