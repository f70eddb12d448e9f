using System.Globalization;
using CsvHelper;
using Feedback.Domain.Notifications;
using Feedback.Domain.Satisfaction.Commands;
using Feedback.Web.Tests.Infrastructure;
using Feedback.Web.Tests.Reports;
using Microsoft.Playwright;

namespace Feedback.Web.Tests.Browser;

/// <summary>
/// The browser fixture with the outbox and email loops off: the journey runs the outbox itself (through
/// <see cref="SurveyScenario"/>), so a survey exists the moment its case is resolved. A fresh app, so the
/// dashboard counts only this journey's cases.
/// </summary>
public sealed class SurveyBrowserFixture : BrowserFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Deadlines:ScanEnabled"] = "false",
        ["Email:BackgroundEnabled"] = "false",
        ["Reports:BackgroundEnabled"] = "false",
    };
}

/// <summary>
/// 回访 as the people involved see it, in Chinese: a customer answers the survey of a resolved case with 2;
/// the dispatcher finds the case on the callback list; the department head's dashboard for the month shows
/// the satisfaction rate with that answer, and the table's CSV download says what the table says.
/// </summary>
public sealed class SurveyJourneyTests(SurveyBrowserFixture browser) : IClassFixture<SurveyBrowserFixture>
{
    private const string BillingCentre = "电费管理中心";

    [Fact]
    public async Task AnAnswerOf2_ReachesTheCallbackList_AndTheDashboardRate_AndTheCsvMatchesTheTable()
    {
        var app = browser.App;
        var month = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var scores = new List<int>();

        // An earlier customer was satisfied (4): the month's rate starts at 100%.
        await app.FileAndResolveAsync(email: "zhao.min@example.com", phone: "13700001111");
        var earlierLink = await app.SurveyLinkAsync("zhao.min@example.com", EmailTemplates.SurveyInvitation);
        await app.SendAsync(null, new AnswerSurvey(earlierLink[(earlierLink.LastIndexOf('/') + 1)..], null, null, 4, true, null));
        scores.Add(4);

        var head = await browser.NewPageAsync();
        await head.SignInAsync("head.billing@demo.local");
        await head.GotoAsync($"/Reports?month={month}");
        Assert.Equal(SatisfactionRate(scores), await BillingSatisfactionAsync(head));

        // Our customer's case is resolved; they open the link from their email and answer 2, not solved.
        var receipt = await app.FileAndResolveAsync(email: "li.si@example.com", phone: "13912345678");
        var link = await app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyInvitation);
        var customer = await browser.NewPageAsync();
        await customer.GotoAsync(link);
        Assert.Contains(receipt.TrackingNumber, await customer.InnerTextAsync("main"));
        await customer.AssertNoSeriousViolationsAsync();
        await customer.CheckAsync("#survey-score-2");
        await customer.CheckAsync("#survey-resolved-no");
        await customer.FillAsync("#survey-comment", "电费还是没有退，希望尽快回电。");
        await customer.ClickAsync("main button[type=submit]");
        await customer.WaitForSelectorAsync("text=感谢您的评价");
        Assert.Contains("希望尽快回电", await customer.InnerTextAsync("main"));
        await customer.AssertNoSeriousViolationsAsync();
        scores.Add(2);

        // The dispatcher's callback list has our case (with the phone to call), not the satisfied one.
        var dispatcher = await browser.NewPageAsync();
        await dispatcher.SignInAsync("dispatcher@demo.local");
        await dispatcher.GotoAsync("/Dispatch/Callbacks");
        var callbacks = await dispatcher.InnerTextAsync("table.callbacks");
        Assert.Contains(receipt.TrackingNumber, callbacks);
        Assert.Contains("13912345678", callbacks);
        Assert.DoesNotContain("13700001111", callbacks);
        await dispatcher.AssertNoSeriousViolationsAsync();

        // The head's dashboard for the month now counts both answers.
        await head.GotoAsync($"/Reports?month={month}");
        Assert.Equal(SatisfactionRate(scores), await BillingSatisfactionAsync(head));
        Assert.Equal("50.0%", SatisfactionRate(scores));
        await head.AssertNoSeriousViolationsAsync();

        // The CSV of the table, downloaded as a user would, has the same rows and figures as the page.
        var download = await head.RunAndWaitForDownloadAsync(() => head.ClickAsync("#table-csv"));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = ReadCsv(await download.PathAsync());
        var table = await TableAsync(head);
        Assert.Equal(table.Count, csv.Count);
        for (var i = 0; i < table.Count; i++)
            Assert.Equal(table[i], csv[i]);
    }

    /// <summary>DESIGN §5: answers scoring 4 or 5 over all answers, shown to one decimal.</summary>
    private static string SatisfactionRate(IReadOnlyCollection<int> scores) =>
        (100.0 * scores.Count(s => s >= 4) / scores.Count).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The satisfaction figure of the billing centre's row, found by the column's header.</summary>
    private static async Task<string> BillingSatisfactionAsync(IPage page)
    {
        var table = await TableAsync(page);
        var column = table[0].IndexOf("满意率");
        Assert.True(column > 0, string.Join(" | ", table[0]));
        var billing = table.Single(row => row[0] == BillingCentre);
        Assert.Equal(billing[column], table[^1][column]); // only the billing centre has cases: the total agrees
        return billing[column];
    }

    /// <summary>Header, body and total rows of the dashboard's table, each cell's text as shown.</summary>
    private static async Task<List<List<string>>> TableAsync(IPage page) =>
        (await page.EvalOnSelectorAllAsync<string[][]>("#kpi-table thead tr, #kpi-table tbody tr, #kpi-table tfoot tr",
            "rows => rows.map(row => Array.from(row.cells, cell => cell.innerText.trim()))"))
        .Select(row => row.ToList()).ToList();

    private static List<List<string>> ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false });
        var rows = new List<List<string>>();
        while (csv.Read())
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).Trim()).ToList());
        return rows;
    }
}
