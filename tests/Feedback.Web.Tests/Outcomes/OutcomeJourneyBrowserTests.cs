using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Web.Tests.Browser;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>
/// Issue 4's journey in a real browser, in Chinese: staff record two measures and resolve; the complainant
/// rejects the verification; staff complete the second measure and resolve again; the complainant accepts;
/// staff draft the notice (previewing what is masked), a head approves it, and it is on the public board and
/// in the feed with the complainant's name and phone masked. axe-core checks the new pages on the way.
/// </summary>
public sealed class OutcomeJourneyBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Measures_Rejection_Completion_Acceptance_Approval_PublicAndMasked()
    {
        var app = browser.App;
        var (category, area) = await app.DbAsync(db => Task.FromResult((
            db.Categories.Single(c => c.Code == "billing").Id, db.ServiceAreas.Single(a => a.Code == "bincheng").Id)));
        var receipt = await app.SendAsync("customer@demo.local", new SubmitCase(CaseKind.Complaint, Channel.Web, category, area,
            "抄表读数错误导致电费翻倍", "十一月电费比往月高出一倍，怀疑抄表有误。", false, "王建国", "13812345678", null, null, null, "zh-CN", []));
        await app.SendAsync("staff.billing@demo.local", new AcceptCase(receipt.CaseId));
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date);
        var outcomePage = $"/Staff/Case/{receipt.CaseId}/Outcome";

        // Staff record the root cause and two measures, complete the first, and resolve.
        var staff = await browser.NewPageAsync();
        await SignInAsync(staff, "staff.billing@demo.local");
        await staff.GotoAsync($"/Staff/Case/{receipt.CaseId}");
        await staff.ClickAsync($"a[href='{outcomePage}']");
        await staff.FillAsync("#Cause_RootCause", "抄表员误读表计读数");
        await staff.ClickAsync("form[action*='handler=RootCause'] button");
        await staff.WaitForSelectorAsync("#add-measure");
        await AddMeasureAsync(staff, "更正读数并退还多收电费", "staff.billing@demo.local", today.AddDays(3));
        await AddMeasureAsync(staff, "对抄表员开展复训", "staff2.billing@demo.local", today.AddDays(10));
        await staff.AssertNoSeriousViolationsAsync();
        await CompleteMeasureAsync(staff, "更正读数并退还多收电费", "已更正读数，退还 326.40 元");
        Assert.Contains("整改进度：50%", await staff.InnerTextAsync("main"));
        await staff.GotoAsync($"/Staff/Case/{receipt.CaseId}");
        Assert.Contains("整改进度：50%", await staff.InnerTextAsync("#rectification-summary"));
        await staff.FillAsync("#Resolve_Summary", "已更正读数并退还多收电费。");
        await staff.ClickAsync("form[action*='handler=Resolve'] button[type=submit]");
        await staff.WaitForSelectorAsync("text=已更正读数并退还多收电费。");

        // The complainant is asked to verify, and rejects: the second measure is not done.
        var customer = await browser.NewPageAsync();
        await SignInAsync(customer, "customer@demo.local");
        await customer.GotoAsync($"/Customer/Case/{receipt.TrackingNumber}");
        var asked = await customer.InnerTextAsync("main");
        Assert.Contains("整改验收", asked);
        Assert.Contains("对抄表员开展复训", asked);
        await customer.AssertNoSeriousViolationsAsync();
        await customer.AnswerResolutionAsync("Reject", "复训还没有完成");

        // Staff complete the second measure, take the case up again and resolve it.
        await staff.GotoAsync(outcomePage);
        await CompleteMeasureAsync(staff, "对抄表员开展复训", "已组织抄表班组复训");
        Assert.Contains("整改进度：100%", await staff.InnerTextAsync("main"));
        await staff.GotoAsync($"/Staff/Case/{receipt.CaseId}");
        await staff.ClickAsync("form[action*='handler=Resume'] button[type=submit]");
        await staff.FillAsync("#Resolve_Summary", "两项整改措施均已完成。");
        await staff.ClickAsync("form[action*='handler=Resolve'] button[type=submit]");
        await staff.WaitForSelectorAsync("text=两项整改措施均已完成。");

        // The complainant accepts with a comment.
        await customer.ReloadAsync();
        await customer.AnswerResolutionAsync("Confirm", "整改到位，验收通过");
        Assert.Contains("已办结", await customer.InnerTextAsync("main"));

        // Staff draft the notice, preview what is masked, save it and submit it.
        await staff.GotoAsync(outcomePage);
        await staff.FillAsync("#Draft_Title", "关于王建国反映电费翻倍问题的整改公示");
        await staff.FillAsync("#Draft_Markdown", "## 整改结果\n\n客户王建国（电话 13812345678）反映电费翻倍。经查为抄表员误读，已**退还多收电费**并组织复训。");
        await staff.ClickAsync("button[formaction*='handler=Preview']");
        await staff.WaitForSelectorAsync(".masked-values");
        var preview = await staff.InnerTextAsync(".outcome-preview");
        Assert.Contains("王**（电话 138****5678）", preview);
        Assert.Contains("13812345678", await staff.InnerTextAsync(".masked-values"));
        await staff.ClickAsync("button[formaction*='handler=SaveDraft']");
        await staff.WaitForSelectorAsync("form[action*='handler=Submit']");
        await staff.ClickAsync("form[action*='handler=Submit'] button");
        await staff.WaitForSelectorAsync("text=待审核");

        // The head finds it from the navigation (the badge counts it) in the approval inbox, and approves it
        // (four eyes: the head did not write it).
        var head = await browser.NewPageAsync();
        await SignInAsync(head, "head.billing@demo.local");
        await head.GotoAsync("/");
        Assert.Equal("1", (await head.InnerTextAsync("#nav-approvals .approvals-badge")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]);
        await head.ClickAsync("#nav-approvals");
        await head.WaitForURLAsync("**/Staff/Approvals");
        await head.AssertNoSeriousViolationsAsync();
        await head.ClickAsync($"table.approvals a:has-text('{receipt.TrackingNumber}')");
        await head.WaitForURLAsync($"**{outcomePage}#publication");
        await head.ClickAsync("form[action*='handler=Approve'] button");
        await head.WaitForSelectorAsync("text=已审核通过并公示");

        // On the public board, its page and the feed: name and phone masked.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/Outcomes");
        await visitor.ClickAsync("a:has-text('关于王**反映电费翻倍问题的整改公示')");
        await visitor.WaitForURLAsync("**/Outcomes/*");
        var published = await visitor.InnerTextAsync("main");
        Assert.Contains("王**（电话 138****5678）", published);
        Assert.Contains("对抄表员开展复训", published);
        Assert.DoesNotContain("王建国", published);
        Assert.DoesNotContain("13812345678", published);
        await visitor.AssertNoSeriousViolationsAsync();
        var feed = await (await visitor.APIRequest.GetAsync("/Outcomes/feed.atom")).TextAsync();
        Assert.Contains("关于王**反映电费翻倍问题的整改公示", feed);
        Assert.Contains("138****5678", feed);
        Assert.DoesNotContain("13812345678", feed);
        Assert.DoesNotContain("王建国", feed);
    }

    private async Task AddMeasureAsync(IPage page, string description, string ownerEmail, DateOnly due)
    {
        var owner = await browser.App.DbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == ownerEmail).DisplayName));
        await page.FillAsync("#Measure_Description", description);
        await page.SelectOptionAsync("#Measure_OwnerUserId", new SelectOptionValue { Label = owner });
        await page.FillAsync("#Measure_DueOn", due.ToString("yyyy-MM-dd"));
        await page.ClickAsync("#add-measure button[type=submit]");
        await page.WaitForSelectorAsync($"li.measure:has-text('{description}')");
    }

    private static async Task CompleteMeasureAsync(IPage page, string description, string note)
    {
        var measure = page.Locator("li.measure", new PageLocatorOptions { HasText = description });
        await measure.Locator("textarea").FillAsync(note);
        await measure.Locator("form.complete-measure button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync($"text={note}");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", FeedbackApp.DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"));
    }
}
