using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// What a walk through the shipped pages found, in both languages: each test shows one of those defects and
/// fails if it comes back.
/// </summary>
public sealed partial class WalkThroughTests(StaffWorld world) : IClassFixture<StaffWorld>
{
    [Theory]
    [InlineData("zh-CN", "全部未办结", "全部分类", "全部区域")]
    [InlineData("en", "All open", "All categories", "All areas")]
    public async Task QueueFilters_CategoryAndArea_OfferTheirOwnEmptyOption(string culture, string status, string category, string area)
    {
        var html = await world.PageAsync(Demo.Staff, $"/Staff/Queue?culture={culture}");

        Assert.Equal(status, FirstOption(html, "filter-status"));
        Assert.Equal(category, FirstOption(html, "filter-category"));
        Assert.Equal(area, FirstOption(html, "filter-area"));
    }

    [Theory]
    [InlineData("zh-CN", "派单规则：电费缴费 → 电费管理中心", "Billing Centre", "系统")]
    [InlineData("en", "Routing rule: Billing → Billing Centre", "电费管理中心", "System")]
    public async Task Timeline_ShowsTheRoutingRuleAndTheSystemInTheReadersLanguage(string culture, string routedBy, string otherLanguage, string system)
    {
        // Category "billing" is taken by the demo rule that sends it to the Billing Centre.
        var receipt = await world.FileAsync(category: "billing");

        var timeline = Timeline(await world.PageAsync(Demo.Staff, $"/Staff/Case/{receipt.CaseId}?culture={culture}"));

        Assert.Contains(routedBy, timeline);
        Assert.DoesNotContain(otherLanguage, timeline);
        // The system acts under no name of its own: only its capacity, once.
        Assert.Contains($"· {system}</div>", timeline);
        if (culture == "zh-CN")
            Assert.DoesNotContain("System", timeline);
    }

    [Theory]
    [InlineData("zh-CN", "暂定日历")]
    [InlineData("en", "Provisional calendar")]
    public async Task AdminCalendar_DescribesAProvisionalYearInTheReadersLanguage(string culture, string description)
    {
        foreach (var url in new[] { $"/Admin/Calendar?culture={culture}", $"/Admin/Calendar/Year/2027?culture={culture}" })
        {
            var html = await world.PageAsync(Demo.Admin, url);

            Assert.Contains(description, html);
            Assert.DoesNotContain("ProvisionalCalendar.ForYear", html);
        }
    }

    [Theory]
    [InlineData("zh-CN", "(统计中)")]
    [InlineData("en", "(in progress)")]
    public async Task PublicStatistics_OnlyTheCurrentMonthIsInProgress(string culture, string inProgress)
    {
        // A fresh database has no frozen month: the eleven past months are over all the same.
        var html = await world.PageAsync(null, $"/Public/Statistics?culture={culture}");

        Assert.Single(Regex.Matches(html, Regex.Escape(inProgress)));
        var rows = Regex.Matches(html, @"<th scope=""row"">(\d{4}-\d{2})").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(12, rows.Count);
        Assert.Matches($@"<th scope=""row"">{rows.Max()}\s*<span[^>]*>{Regex.Escape(inProgress)}", html);
    }

    [Theory]
    [InlineData("zh-CN", "反映人")]
    [InlineData("en", "Submitter")]
    public async Task Timeline_NamesASubmitterWhoActedWithTheirPin(string culture, string capacity)
    {
        // Filed without an account, with a name; answered later with the tracking number and PIN only.
        var receipt = await world.FileAsync(asEmail: null, name: "李四光");
        await world.App.SendAsync(Demo.Dispatcher, new RouteCase(receipt.CaseId, world.Billing, Priority.Normal));
        await world.App.SendAsync(Demo.Staff, new AcceptCase(receipt.CaseId));
        await world.App.SendAsync(Demo.Staff, new RequestInformation(receipt.CaseId, "Which meter?"));
        await world.App.SendAsync(null, new ProvideInformation(receipt.CaseId, SubmitterProof.Pin(receipt.TrackingNumber, receipt.AccessPin), "The one by the door."));

        var timeline = Timeline(await world.PageAsync(Demo.Staff, $"/Staff/Case/{receipt.CaseId}?culture={culture}"));

        var submitterLines = Regex.Matches(timeline, $@"· ([^<(]*) \({capacity}\)").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(["李四光", "李四光"], submitterLines);

        // Someone the contact details are masked for sees the name masked, as everywhere else.
        var integrity = await world.FileAsync(asEmail: null, name: "李四光", kind: CaseKind.Report);
        await world.App.SendAsync(Demo.Integrity, new AcceptCase(integrity.CaseId));
        await world.App.SendAsync(Demo.Integrity, new RequestInformation(integrity.CaseId, "When?"));
        await world.App.SendAsync(null, new ProvideInformation(integrity.CaseId, SubmitterProof.Pin(integrity.TrackingNumber, integrity.AccessPin), "Yesterday."));
        var dispatcherView = Timeline(await world.PageAsync(Demo.Dispatcher, $"/Staff/Case/{integrity.CaseId}?culture={culture}"));
        var masked = Regex.Matches(dispatcherView, $@"· ([^<(]*) \({capacity}\)").Select(m => m.Groups[1].Value.Trim()).ToList();
        Assert.Equal(2, masked.Count);
        Assert.All(masked, name => Assert.StartsWith("李", name));
        Assert.All(masked, name => Assert.DoesNotContain("四光", name));
    }

    [Theory]
    [InlineData("zh-CN", "办结时间")]
    [InlineData("en", ">Resolved<")]
    public async Task ResolvedTime_IsHiddenWhileAReopenedCaseIsOpenAgain(string culture, string resolvedLabel)
    {
        var receipt = await world.InProgressCaseAsync(acceptedBy: Demo.Staff);
        await world.App.SendAsync(Demo.Staff, new ResolveCase(receipt.CaseId, "Meter replaced."));
        var url = $"/Staff/Case/{receipt.CaseId}?culture={culture}";
        Assert.Contains(resolvedLabel, Facts(await world.PageAsync(Demo.Staff, url)));

        await world.App.SendAsync(Demo.Customer, new RejectResolution(receipt.CaseId, SubmitterProof.None, "Still wrong."));

        Assert.DoesNotContain(resolvedLabel, Facts(await world.PageAsync(Demo.Staff, url)));
    }

    private static string FirstOption(string html, string selectId) =>
        Regex.Match(html, $@"<select id=""{selectId}""[^>]*>\s*<option value="""">([^<]*)</option>").Groups[1].Value;

    private static string Timeline(string html) => Regex.Match(html, @"<ol class=""timeline"">.*?</ol>", RegexOptions.Singleline).Value;

    /// <summary>The case's facts (the definition list at the top of the staff case page).</summary>
    private static string Facts(string html) => Regex.Match(html, @"<dl.*?</dl>", RegexOptions.Singleline).Value;
}
