using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Publishing.Commands;
using Feedback.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>
/// Hostile Markdown published through the real pipeline (draft, approval, public page) and opened in
/// Chromium: nothing runs (every payload would set a global flag or open a dialog), and no script, event
/// attribute, or javascript:/data:/vbscript: link is left in the page. Links that remain carry rel="nofollow noopener".
/// </summary>
public sealed class XssCorpusBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Corpus = """
        # 整改结果 <script>window.__xss = 1</script>

        <img src=x onerror="window.__xss = 1"> raw image tag

        ![image](javascript:window.__xss=1) and ![pixel](x" onerror="window.__xss=1)

        [script link](javascript:window.__xss=1) · [mixed case](JaVaScRiPt:window.__xss=1) · [spaced]( javascript:window.__xss=1 )

        [entity](&#106;avascript:window.__xss=1) · [tab](java	script:window.__xss=1) · [vb](vbscript:msgbox(1))

        [data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)

        <a href="javascript:window.__xss=1">html link</a> <a href=# onclick="window.__xss=1">onclick</a>

        <svg onload="window.__xss=1"><script>window.__xss=1</script><a xlink:href="javascript:window.__xss=1">svg</a></svg>

        <iframe src="javascript:window.__xss=1"></iframe> <object data="data:text/html,x"></object>

        <details open ontoggle="window.__xss=1"><summary>s</summary></details>

        <div style="background:url(javascript:window.__xss=1)">styled</div>

        **unclosed <b onmouseover=window.__xss=1>bold [broken](javascript:window.__xss=1

        `<script>window.__xss=1</script>` in code is only text

        <<script>script>window.__xss=1<</script>/script>

        [a good link](https://example.com/ok) and <https://example.org/auto>
        """;

    [Fact]
    public async Task HostileMarkdown_PublishedAndOpened_RunsNothing_AndLeavesNoActiveContent()
    {
        var app = browser.App;
        var (category, area) = await app.DbAsync(async db => (
            await db.Categories.Where(c => c.Code == "billing").Select(c => c.Id).SingleAsync(),
            await db.ServiceAreas.Where(a => a.Code == "bincheng").Select(a => a.Id).SingleAsync()));
        var receipt = await app.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area,
            "<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>", false, "测试", "13900002222", null, null, null, "zh-CN", []));
        await app.SendAsync("staff.billing@demo.local", new AcceptCase(receipt.CaseId));
        await app.SendAsync("staff.billing@demo.local", new ResolveCase(receipt.CaseId, "已处理"));
        await app.SendAsync("staff.billing@demo.local", new SaveOutcomeDraft(receipt.CaseId, "<svg onload=window.__xss=1> XSS 语料", Corpus));
        await app.SendAsync("staff.billing@demo.local", new SubmitOutcome(receipt.CaseId));
        await app.SendAsync("head.billing@demo.local", new ApproveOutcome(receipt.CaseId));
        var id = await app.DbAsync(db => db.Outcomes.Where(o => o.CaseId == receipt.CaseId).Select(o => o.Id).SingleAsync());

        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { dialogs++; await dialog.DismissAsync(); };
        await page.Context.AddInitScriptAsync("window.__xss = 0; for (const f of ['alert', 'confirm', 'prompt']) window[f] = () => { window.__xss = 1; };");

        foreach (var url in new[] { "/Outcomes", $"/Outcomes/{id}" })
        {
            await page.GotoAsync(url);
            await AssertInertAsync(page);
        }
        Assert.Equal(0, dialogs);
        Assert.Equal(1, await page.Locator("main a[href='https://example.com/ok']").CountAsync());
        Assert.Equal("nofollow noopener", await page.GetAttributeAsync("main a[href='https://example.com/ok']", "rel"));
        Assert.Contains("<script>window.__xss=1</script>", await page.InnerTextAsync("main code"));
    }

    private static async Task AssertInertAsync(IPage page)
    {
        // Give anything that would run on load, on error or on toggle its chance, then hover over everything.
        await page.EvaluateAsync("() => document.querySelectorAll('main *').forEach(e => ['mouseover', 'focus', 'click'].forEach(t => { if (t !== 'click' || e.tagName !== 'A') e.dispatchEvent(new Event(t)); }))");
        await page.WaitForTimeoutAsync(200);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__xss"));
        var findings = await page.EvaluateAsync<string[]>("""
            () => {
              const bad = [];
              for (const e of document.querySelectorAll('main *')) {
                if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'svg', 'SVG', 'STYLE'].includes(e.tagName)) bad.push('element ' + e.tagName);
                for (const a of e.attributes) {
                  const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
                  if (a.name.toLowerCase().startsWith('on')) bad.push(e.tagName + ' ' + a.name);
                  if (a.name === 'style') bad.push(e.tagName + ' style');
                  if (['href', 'src', 'xlink:href', 'action', 'formaction', 'data'].includes(a.name.toLowerCase())
                      && /^(javascript|data|vbscript):/.test(value)) bad.push(e.tagName + ' ' + a.name + '=' + a.value);
                }
                if (e.tagName === 'A' && e.closest('.outcome-body') && e.getAttribute('rel') !== 'nofollow noopener') bad.push('link without rel: ' + e.href);
              }
              return bad;
            }
            """);
        Assert.True(findings.Length == 0, $"{page.Url}: {string.Join("; ", findings)}");
    }
}
