using System.Net;
using System.Text;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Reports;

/// <summary>
/// One month with a billing complaint (handled by the billing centre) and a misconduct report accusing the
/// billing centre (handled by the Integrity office); the Integrity office's member of staff is made its head so
/// that the office can read the dashboard too.
/// </summary>
public sealed class DrillDownWorld : IAsyncLifetime
{
    public const string IntegrityHead = "staff.integrity@demo.local";

    public ReportsApp App { get; } = new();
    public CaseReceipt Complaint { get; private set; } = null!;
    public CaseReceipt Report { get; private set; } = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        var (category, area) = await App.BillingInBinchengAsync();
        var billing = await App.DbAsync(db => Task.FromResult(db.Departments.Single(d => d.Code == "billing-centre").Id));
        Complaint = await App.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "电费异常",
            "本月电费比上月高出三倍。", false, "李四", "13912345678", null, null, null, "zh-CN", []));
        Report = await App.SendAsync(null, new SubmitCase(CaseKind.Report, Channel.Web, category, area, "抄表员索要好处费",
            "抄表员上门时要求支付“加急费”。", false, "钱多多", "13344445555", null, null, null, "zh-CN", [], AccusedDepartmentId: billing));
        await App.AsUserAsync(null, async services =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var integrity = await users.FindByEmailAsync(IntegrityHead) ?? throw new InvalidOperationException(IntegrityHead);
            return await users.AddToRoleAsync(integrity, Roles.DepartmentHead);
        });
    }

    public async Task<HttpClient> ClientAsync(string email)
    {
        if (!_clients.TryGetValue(email, out var client))
        {
            _clients[email] = client = App.CreateBrowserClient();
            await client.SignInAsync(email);
        }
        return client;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The KPI drill-down and its CSV list only the cases the viewer may open (ADR 0017): the head of the accused
/// department never sees the misconduct report there, an admin sees no case, the service centre every case; the
/// cases left out are counted and the page says so.
/// </summary>
public sealed class DrillDownAccessTests(DrillDownWorld world) : IClassFixture<DrillDownWorld>
{
    private const string Drill = "/Reports/Cases?month=2026-11&measure=Received";

    public static TheoryData<string, bool, bool, int> Viewers() => new()
    {
        // viewer, lists the complaint, lists the report, counted but not listed
        { ReportsApp.Head, true, false, 1 },          // head of the billing centre, the department the report accuses
        { ReportsApp.Dispatcher, true, true, 0 },     // the service centre opens every case
        { DrillDownWorld.IntegrityHead, false, true, 1 },
        { ReportsApp.Admin, false, false, 2 },        // ADR 0006: admins do not read cases
    };

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task DrillDownAndCsv_ListOnlyTheCasesTheViewerMayOpen(string viewer, bool complaint, bool report, int notListed)
    {
        var client = await world.ClientAsync(viewer);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(Drill));
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(Drill.Replace("/Reports/Cases?", "/Reports/Cases?handler=Csv&")));

        foreach (var text in new[] { Table(page), csv })
        {
            Assert.Equal(complaint, text.Contains(world.Complaint.TrackingNumber));
            Assert.Equal(report, text.Contains(world.Report.TrackingNumber));
            // Not even what kind of case it was, nor when.
            Assert.Equal(report, text.Contains("举报"));
        }
        Assert.Contains($"共 {(complaint ? 1 : 0) + (report ? 1 : 0)} 件工单。", page);
        if (notListed > 0)
            Assert.Contains($"另有 {notListed} 件工单计入了该指标，但您无权打开，故未列出", page);
        else
            Assert.DoesNotContain("cases-not-listed", page);
    }

    [Fact]
    public async Task TheFigure_StillCountsEveryCase()
    {
        var head = await world.ClientAsync(ReportsApp.Head);
        var dashboard = await head.GetStringAsync("/Reports?month=2026-11");
        var totals = DashboardTests.TableRows(dashboard, "kpi-table", "tfoot").Single();
        Assert.Equal("2", totals[1]); // received: the complaint and the report
    }

    [Theory]
    [InlineData(ReportsApp.Staff)]
    [InlineData("staff.om@demo.local")]
    public async Task StaffWithoutTheHeadRole_DoNotReadTheDrillDown(string staff)
    {
        var client = await world.ClientAsync(staff);
        foreach (var url in new[] { Drill, Drill.Replace("/Reports/Cases?", "/Reports/Cases?handler=Csv&") })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("403")), $"{url}: {(int)response.StatusCode}");
        }
    }

    /// <summary>The table of cases (the page's filter line names the kind filter, not the cases).</summary>
    private static string Table(string page)
    {
        var start = page.IndexOf("<table", StringComparison.Ordinal);
        return start < 0 ? "" : page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
    }
}
