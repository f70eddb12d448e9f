using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Feedback.Domain.Notifications;
using Feedback.Domain.Reporting;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Reports;

/// <summary>
/// The manager dashboard, drill-down, CSV, monthly reports and public statistics over HTTP, on a fake clock
/// (25 November 2026): who may see them, what bad input gets, and that a frozen report never changes.
/// </summary>
public sealed partial class DashboardTests : IDisposable
{
    private readonly ReportsApp _app = new();

    [Theory]
    [InlineData(ReportsApp.Head, HttpStatusCode.OK)]
    [InlineData(ReportsApp.Dispatcher, HttpStatusCode.OK)]
    [InlineData(ReportsApp.Admin, HttpStatusCode.OK)]
    [InlineData(ReportsApp.Staff, HttpStatusCode.Forbidden)]
    [InlineData("customer@demo.local", HttpStatusCode.Forbidden)]
    public async Task Dashboard_IsForHeadsDispatchersAndAdmins(string email, HttpStatusCode expected)
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(email);
        var response = await client.GetAsync("/Reports");
        Assert.Equal(expected, response.StatusCode is HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("403") ? HttpStatusCode.Forbidden : response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_ButPublicStatisticsAreOpen()
    {
        var client = _app.CreateBrowserClient();
        var dashboard = await client.GetAsync("/Reports");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Contains("/Account/Login", dashboard.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Public/Statistics")).StatusCode);
    }

    [Theory]
    [InlineData("/Reports?month=2026-13")]
    [InlineData("/Reports?month=yesterday")]
    [InlineData("/Reports?month=2027-01")]
    [InlineData("/Reports?department=not-a-guid")]
    [InlineData("/Reports?kind=Gossip")]
    [InlineData("/Reports?by=Colour")]
    [InlineData("/Reports/Cases?measure=Everything")]
    [InlineData("/Reports/Cases?measure=Received&page=0")]
    [InlineData("/Reports?handler=Csv&month=2026-99")]
    public async Task BadQueryStrings_GetA400WithTheFormNotA500(string url)
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(ReportsApp.Head);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TheDashboard_ShowsAnAnswerInItsMonth_TheTableDrillsDownToTheCase_AndTheCsvMatchesTheTable()
    {
        var receipt = await _app.FileAndResolveAsync();
        var link = await _app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyInvitation);
        await _app.CreateBrowserClient().PostAsync(link, Forms.Fields(("Input.Score", "4"), ("Input.Resolved", "true")));

        var head = _app.CreateBrowserClient();
        await head.SignInAsync(ReportsApp.Head);
        var page = await head.GetStringAsync("/Reports?month=2026-11");
        var table = TableRows(page, "kpi-table");
        var billing = table.Single(r => r[0] == "电费管理中心");
        Assert.Equal("1", billing[1]);                 // received
        Assert.Equal("1", billing[2]);                 // closed by the survey answer
        Assert.Equal("100.0%", billing[7]);            // satisfaction rate: one answer, scoring 4

        var csv = await head.GetAsync("/Reports?handler=Csv&month=2026-11");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = CsvRows(Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
        Assert.Equal(TableHeader(page, "kpi-table"), lines[0]);
        Assert.Equal(table.Append(TableRows(page, "kpi-table", "tfoot").Single()), lines.Skip(1));

        var drill = DrillLink(page, "Received");
        var cases = await head.GetStringAsync(WebUtility.HtmlDecode(drill));
        Assert.Contains(receipt.TrackingNumber, cases);
        var casesCsv = await head.GetStringAsync(WebUtility.HtmlDecode(drill).Replace("/Reports/Cases?", "/Reports/Cases?handler=Csv&"));
        Assert.Contains(receipt.TrackingNumber, casesCsv);
        Assert.DoesNotContain("li.si@example.com", casesCsv);
        Assert.DoesNotContain("13912345678", casesCsv);
    }

    [Fact]
    public async Task FrozenReports_AreStoredOnce_AndNeverRecomputed()
    {
        var receipt = await _app.FileAndResolveAsync();
        var admin = _app.CreateBrowserClient();
        await admin.SignInAsync(ReportsApp.Admin);
        // November has not ended: it cannot be frozen.
        var early = await admin.PostAsync("/Reports/Monthly", Forms.Fields(("Month", "2026-11")), "/Reports/Monthly?handler=Freeze");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);

        // At the turn of the month (Beijing time) the job freezes November, once.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await _app.FreezeDueMonthAsync());
        Assert.Equal(0, await _app.FreezeDueMonthAsync());
        admin = _app.CreateBrowserClient();
        await admin.SignInAsync(ReportsApp.Admin); // the first sign-in expired on the fake clock
        var reportResponse = await admin.GetAsync("/Reports/Monthly/2026-11");
        var report = await reportResponse.Content.ReadAsStringAsync();
        Assert.True(reportResponse.IsSuccessStatusCode, $"{(int)reportResponse.StatusCode} {reportResponse.Headers.Location} {report[..Math.Min(report.Length, 3000)]}");
        Assert.Contains("2026-11", report);
        var frozenBacklog = await _app.DbAsync(db => db.MonthlyReports.SingleAsync(r => r.Year == 2026 && r.Month == 11));

        // The case closes in December by the customer's answer: a live recount of November would now differ…
        var link = await _app.SurveyLinkAsync("li.si@example.com", EmailTemplates.SurveyInvitation);
        await _app.CreateBrowserClient().PostAsync(link, Forms.Fields(("Input.Score", "5"), ("Input.Resolved", "true")));
        // …but the stored report is what every page shows.
        var again = await _app.DbAsync(db => db.MonthlyReports.SingleAsync(r => r.Year == 2026 && r.Month == 11));
        Assert.Equal(frozenBacklog.FiguresJson, again.FiguresJson);
        Assert.Equal(TableRows(report, "kpi-summary"), TableRows(await admin.GetStringAsync("/Reports/Monthly/2026-11"), "kpi-summary"));

        // Freezing it again is refused; a dispatcher may read reports but not freeze them.
        var twice = await admin.PostAsync("/Reports/Monthly", Forms.Fields(("Month", "2026-11")), "/Reports/Monthly?handler=Freeze");
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var dispatcher = _app.CreateBrowserClient();
        await dispatcher.SignInAsync(ReportsApp.Dispatcher);
        var refused = await dispatcher.PostAsync("/Reports/Monthly", Forms.Fields(("Month", "2026-10")), "/Reports/Monthly?handler=Freeze");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode is HttpStatusCode.Redirect ? HttpStatusCode.Forbidden : refused.StatusCode);
        Assert.False(await _app.DbAsync(db => db.MonthlyReports.AnyAsync(r => r.Month == 10)));

        // An admin freezes a past month on demand.
        var october = await admin.PostAsync("/Reports/Monthly", Forms.Fields(("Month", "2026-10")), "/Reports/Monthly?handler=Freeze");
        Assert.Equal(HttpStatusCode.Redirect, october.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Reports/Monthly/2026-10")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Reports/Monthly/2026-09")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Reports/Monthly/nonsense")).StatusCode);
        _ = receipt;
    }

    [Fact]
    public async Task PublicStatistics_ShowTotalsOnly()
    {
        var receipt = await _app.FileAndResolveAsync();
        var page = await _app.CreateBrowserClient().GetStringAsync("/Public/Statistics");
        var november = TableRows(page, "public-statistics").Single(r => r[0].StartsWith("2026-11"));
        Assert.Equal("1", november[1]);
        Assert.DoesNotContain(receipt.TrackingNumber, page);
        Assert.DoesNotContain("李四", page);
        Assert.DoesNotContain("13912345678", page);
        Assert.Contains("data-series=", page);
    }

    [GeneratedRegex(@"<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    private static string Text(string html) => WebUtility.HtmlDecode(Tag().Replace(html, "")).Trim();

    private static string Section(string page, string tableClass, string part)
    {
        var table = page[page.IndexOf(tableClass, StringComparison.Ordinal)..];
        var start = table.IndexOf($"<{part}>", StringComparison.Ordinal);
        return table[start..table.IndexOf($"</{part}>", start, StringComparison.Ordinal)];
    }

    public static List<List<string>> TableRows(string page, string tableClass, string part = "tbody") =>
        Section(page, tableClass, part).Split("<tr", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(row => Cell().Matches(row).Select(m => Text(m.Groups[1].Value)).ToList()).ToList();

    private static List<string> TableHeader(string page, string tableClass) => TableRows(page, tableClass, "thead").Single();

    private static string DrillLink(string page, string measure) =>
        Regex.Match(page, $"href=\"(/Reports/Cases\\?[^\"]*measure={measure}[^\"]*)\"").Groups[1].Value;

    /// <summary>A small RFC 4180 reader (quoted fields, doubled quotes) for comparing with the page.</summary>
    public static List<List<string>> CsvRows(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        csv = csv.TrimStart('\uFEFF');
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString().TrimEnd('\r')); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    public void Dispose() => _app.Dispose();
}
