using System.Net;
using Feedback.Domain.Api.Commands;
using Feedback.Domain.Auditing;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Identity.Commands;
using Feedback.Domain.Notifications;
using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Commands;
using Feedback.Domain.Routing.Commands;
using Feedback.Domain.Sla;
using Feedback.Domain.Sla.Commands;
using Feedback.Domain.Sla.Queries;
using Feedback.Domain.Supervision.Commands;
using Feedback.Web.Tests.Api;
using Feedback.Web.Tests.Infrastructure;
using Feedback.Web.Tests.Reports;
using Feedback.Web.Tests.Staff;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Audit;

/// <summary>
/// Each audited action, one row each (issue 18): doing it leaves exactly one line with who, when, what and,
/// over HTTP, from where; and no line carries the personal data it is about.
/// </summary>
public sealed class AuditEntriesTests(AuditAppFixture fixture) : IClassFixture<AuditAppFixture>
{
    private readonly AuditApp _app = fixture.App;

    /// <param name="Actor">Who must be named.</param>
    /// <param name="Summary">A part the summary must contain, if any.</param>
    public sealed record Expected(AuditAction Action, (Guid Id, string Name) Actor, string? Target, string? Summary = null, bool ViaApiKey = false, bool OverHttp = false);

    // Personal data of the cases and people below: none of it may appear in a line.
    private static readonly string[] PersonalData = ["李四", "13912345678", "audit.case@example.com", "@", "新同事", "王代表", "Leaving customer"];

    private static readonly Dictionary<string, Func<AuditApp, Task<Expected>>> Rows = new()
    {
        ["staff open a case page with the contact details"] = async app =>
        {
            var filed = await FileAsync(app);
            await OkAsync(await (await app.ClientAsync(Demo.Staff)).GetAsync($"/Staff/Case/{filed.CaseId}"));
            return new(AuditAction.CaseRead, await app.UserAsync(Demo.Staff), filed.TrackingNumber, filed.CaseId.ToString(), OverHttp: true);
        },
        ["the hotline reads a case through the API"] = async app =>
        {
            var filed = await FileAsync(app);
            var client = app.CreateClient().WithKey(await app.CreateKeyAsync(open311: false, hotline: true, name: "热线系统"));
            client.DefaultRequestHeaders.UserAgent.ParseAdd(AuditApp.UserAgent);
            await OkAsync(await client.GetAsync($"/api/v1/cases/{filed.TrackingNumber}"));
            return new(AuditAction.CaseRead, await app.UserAsync(Demo.Dispatcher), filed.TrackingNumber, ViaApiKey: true, OverHttp: true);
        },
        ["the service centre opens the callback list"] = async app =>
        {
            var filed = await app.FileAndResolveAsync(email: "audit.callback@example.com", phone: "13912345678");
            var link = await app.SurveyLinkAsync("audit.callback@example.com", EmailTemplates.SurveyInvitation);
            await app.CreateBrowserClient().PostAsync(link, Forms.Fields(("Input.Score", "1"), ("Input.Resolved", "false")));
            await OkAsync(await (await app.ClientAsync(Demo.Dispatcher)).GetAsync("/Dispatch/Callbacks"));
            return new(AuditAction.CallbackListRead, await app.UserAsync(Demo.Dispatcher), null, filed.TrackingNumber, OverHttp: true);
        },
        ["a head downloads the KPI table as CSV"] = app => DownloadAsync(app, Demo.Head, "/Reports?handler=Csv"),
        ["a head downloads a drill-down as CSV"] = app => DownloadAsync(app, Demo.Head, "/Reports/Cases?handler=Csv&measure=Received"),
        ["a customer downloads their own data"] = app => DownloadAsync(app, Demo.Customer, "/Account/Manage?handler=Export"),
        ["the admin downloads a calendar file"] = app => DownloadAsync(app, Demo.Admin, "/Admin/Calendar/Year/2026?handler=Download"),
        ["the admin downloads the audit search as CSV"] = app => DownloadAsync(app, Demo.Admin, "/Admin/Audit?handler=Csv&action=Export"),
        ["the admin creates a staff account"] = async app =>
        {
            var id = await app.SendAsync(Demo.Admin, new CreateStaffAccount("audit.new@demo.local", "新同事", [Roles.Staff], await DepartmentAsync(app)));
            return new(AuditAction.AccountCreate, await app.UserAsync(Demo.Admin), id.ToString(), "roles: Staff");
        },
        ["the admin changes roles"] = async app =>
        {
            var staff = await app.UserAsync(Demo.Staff2);
            await app.SendAsync(Demo.Admin, new UpdateStaffAccount(staff.Id, [Roles.Staff, Roles.DepartmentHead], await DepartmentAsync(app)));
            return new(AuditAction.AccountRoles, await app.UserAsync(Demo.Admin), staff.Id.ToString(), "roles: DepartmentHead,Staff");
        },
        ["the admin locks an account"] = async app =>
        {
            var other = await app.UserAsync(Demo.OtherHead);
            await app.SendAsync(Demo.Admin, new SetAccountLock(other.Id, true));
            return new(AuditAction.AccountLock, await app.UserAsync(Demo.Admin), other.Id.ToString());
        },
        ["the admin unlocks an account"] = async app =>
        {
            var other = await app.UserAsync(Demo.OtherHead);
            await app.SendAsync(Demo.Admin, new SetAccountLock(other.Id, false));
            return new(AuditAction.AccountUnlock, await app.UserAsync(Demo.Admin), other.Id.ToString());
        },
        ["someone changes their profile"] = async app =>
        {
            var customer = await app.UserAsync(Demo.OtherCustomer);
            await app.SendAsync(Demo.OtherCustomer, new UpdateMyProfile(customer.Name, "en"));
            return new(AuditAction.AccountUpdate, customer, customer.Id.ToString(), "en");
        },
        ["a customer deletes their account"] = async app =>
        {
            var id = await app.NewCustomerAsync("audit.leaving@example.org");
            await app.SendAsync("audit.leaving@example.org", new DeleteOwnAccount());
            return new(AuditAction.AccountDelete, (id, "Leaving customer"), id.ToString());
        },
        ["the admin appoints a supervisor"] = async app =>
        {
            var id = await AppointAsync(app, "audit.supervisor1@example.org");
            return new(AuditAction.SupervisorAppoint, await app.UserAsync(Demo.Admin), id.ToString(), "2026-12-01..2027-11-30, 1 area(s)");
        },
        ["the admin reappoints a supervisor"] = async app =>
        {
            var id = await AppointAsync(app, "audit.supervisor2@example.org");
            await app.SendAsync(Demo.Admin, new ReappointSupervisor(id, new DateOnly(2028, 11, 30)));
            return new(AuditAction.SupervisorReappoint, await app.UserAsync(Demo.Admin), id.ToString(), "..2028-11-30");
        },
        ["the admin adds a routing rule"] = async app =>
            new(AuditAction.RoutingRuleCreate, await app.UserAsync(Demo.Admin), (await AddRuleAsync(app)).ToString()),
        ["the admin changes a routing rule"] = async app =>
        {
            var id = await AddRuleAsync(app);
            await app.SendAsync(Demo.Admin, new UpdateRoutingRule(id, await RuleAsync(app, "审计规则（改）")));
            return new(AuditAction.RoutingRuleUpdate, await app.UserAsync(Demo.Admin), id.ToString());
        },
        ["the admin disables a routing rule"] = async app =>
        {
            var id = await AddRuleAsync(app);
            await app.SendAsync(Demo.Admin, new EnableRoutingRule(id, false));
            return new(AuditAction.RoutingRuleDisable, await app.UserAsync(Demo.Admin), id.ToString());
        },
        ["the admin enables a routing rule"] = async app =>
        {
            var id = await AddRuleAsync(app);
            await app.SendAsync(Demo.Admin, new EnableRoutingRule(id, false));
            await app.SendAsync(Demo.Admin, new EnableRoutingRule(id, true));
            return new(AuditAction.RoutingRuleEnable, await app.UserAsync(Demo.Admin), id.ToString());
        },
        ["the admin moves a routing rule"] = async app =>
        {
            var id = await AddRuleAsync(app);
            await app.SendAsync(Demo.Admin, new MoveRoutingRule(id, MoveDirection.Up));
            return new(AuditAction.RoutingRuleMove, await app.UserAsync(Demo.Admin), id.ToString(), "Up");
        },
        ["the admin deletes a routing rule"] = async app =>
        {
            var id = await AddRuleAsync(app);
            await app.SendAsync(Demo.Admin, new DeleteRoutingRule(id));
            return new(AuditAction.RoutingRuleDelete, await app.UserAsync(Demo.Admin), id.ToString());
        },
        ["the admin changes an SLA policy"] = async app =>
        {
            var policy = await app.DbAsync(db => db.SlaPolicies.OrderBy(p => p.Id).FirstAsync());
            await app.SendAsync(Demo.Admin, new UpdateSlaTargets(policy.Id, 2, TargetUnit.WorkingDays, 7, TargetUnit.WorkingDays));
            return new(AuditAction.SlaPolicyUpdate, await app.UserAsync(Demo.Admin), policy.Id.ToString(), "contact 2 WorkingDays, resolve 7 WorkingDays");
        },
        ["the admin replaces a working calendar"] = async app =>
        {
            var calendar = await app.QueryAsync(Demo.Admin, new GetCalendarYear(2027));
            await app.SendAsync(Demo.Admin, new ReplaceCalendarYear(calendar.Content));
            return new(AuditAction.CalendarReplace, await app.UserAsync(Demo.Admin), "2027", "replaced");
        },
        ["the admin creates an API key"] = async app =>
        {
            var created = await app.SendAsync(Demo.Admin, new CreateApiKey("审计合作方", true, false, null));
            return new(AuditAction.ApiKeyCreate, await app.UserAsync(Demo.Admin), created.Id.ToString(), "审计合作方: Open311");
        },
        ["the admin revokes an API key"] = async app =>
        {
            var created = await app.SendAsync(Demo.Admin, new CreateApiKey("审计吊销", true, false, null));
            await app.SendAsync(Demo.Admin, new RevokeApiKey(created.Id));
            return new(AuditAction.ApiKeyRevoke, await app.UserAsync(Demo.Admin), created.Id.ToString());
        },
        ["the admin adds a category"] = async app =>
        {
            var id = await app.SendAsync(Demo.Admin, new CreateOrganisationEntry(OrganisationList.Categories, "audit-one", "审计一", "Audit one", 90));
            return new(AuditAction.OrganisationCreate, await app.UserAsync(Demo.Admin), id.ToString(), "Categories audit-one");
        },
        ["the admin changes a category"] = async app =>
        {
            var id = await app.SendAsync(Demo.Admin, new CreateOrganisationEntry(OrganisationList.Categories, "audit-two", "审计二", "Audit two", 91));
            await app.SendAsync(Demo.Admin, new UpdateOrganisationEntry(OrganisationList.Categories, id, "审计二", "Audit two", 91, false));
            return new(AuditAction.OrganisationUpdate, await app.UserAsync(Demo.Admin), id.ToString(), "inactive");
        },
    };

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public async Task TheAction_LeavesOneLine_SayingWhoWhenWhatAndFromWhere(string row)
    {
        var before = await _app.LastIdAsync();
        var expected = await Rows[row](_app);

        var lines = await _app.EntriesSinceAsync(before, expected.Action);
        var line = Assert.Single(lines);
        Assert.Equal(expected.Actor.Id, line.ActorUserId);
        Assert.StartsWith(expected.Actor.Name, line.ActorName);
        Assert.Equal(_app.Clock.GetUtcNow(), line.At);
        Assert.Equal(expected.Target, line.TargetId);
        if (expected.Summary is not null)
            Assert.Contains(expected.Summary, line.Summary);
        Assert.Equal(expected.ViaApiKey, line.ApiKeyId is not null);
        if (expected.OverHttp)
        {
            Assert.Equal(AuditApp.UserAgent, line.UserAgent);
            Assert.Equal(AuditApp.ClientAddress, line.IpAddress);
        }
        foreach (var any in await _app.EntriesSinceAsync(before))
            foreach (var personal in PersonalData)
                Assert.DoesNotContain(personal, $"{any.TargetId} {any.Summary}");
    }

    [Fact]
    public void TheTable_CoversEveryAuditedAction()
    {
        var covered = new HashSet<AuditAction>();
        foreach (var (name, _) in Rows)
            covered.Add(ActionOf(name));
        Assert.Equal(Enum.GetValues<AuditAction>().Order(), covered.Order());
    }

    [Fact]
    public async Task AMaskedOrRefusedRead_IsNotRecorded()
    {
        // The dispatcher sees a misconduct reporter's contact masked (only the Integrity office may know them).
        var report = await _app.SendAsync(null, await Filing.WebCaseAsync(_app, CaseKind.Report));
        var before = await _app.LastIdAsync();
        await OkAsync(await (await _app.ClientAsync(Demo.Dispatcher)).GetAsync($"/Staff/Case/{report.CaseId}"));
        // Staff of another department do not find a billing case at all.
        var filed = await FileAsync(_app);
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.ClientAsync(Demo.OtherStaff)).GetAsync($"/Staff/Case/{filed.CaseId}")).StatusCode);

        Assert.Empty(await _app.EntriesSinceAsync(before, AuditAction.CaseRead));
    }

    private static AuditAction ActionOf(string row) => row switch
    {
        _ when row.Contains("case page") || row.Contains("through the API") => AuditAction.CaseRead,
        _ when row.Contains("callback") => AuditAction.CallbackListRead,
        _ when row.Contains("download") => AuditAction.Export,
        _ when row.Contains("creates a staff") => AuditAction.AccountCreate,
        _ when row.Contains("changes roles") => AuditAction.AccountRoles,
        _ when row.Contains("unlocks") => AuditAction.AccountUnlock,
        _ when row.Contains("locks") => AuditAction.AccountLock,
        _ when row.Contains("profile") => AuditAction.AccountUpdate,
        _ when row.Contains("deletes their account") => AuditAction.AccountDelete,
        _ when row.Contains("reappoints") => AuditAction.SupervisorReappoint,
        _ when row.Contains("appoints") => AuditAction.SupervisorAppoint,
        _ when row.Contains("adds a routing") => AuditAction.RoutingRuleCreate,
        _ when row.Contains("changes a routing") => AuditAction.RoutingRuleUpdate,
        _ when row.Contains("disables") => AuditAction.RoutingRuleDisable,
        _ when row.Contains("enables") => AuditAction.RoutingRuleEnable,
        _ when row.Contains("moves") => AuditAction.RoutingRuleMove,
        _ when row.Contains("deletes a routing") => AuditAction.RoutingRuleDelete,
        _ when row.Contains("SLA") => AuditAction.SlaPolicyUpdate,
        _ when row.Contains("calendar") => AuditAction.CalendarReplace,
        _ when row.Contains("creates an API") => AuditAction.ApiKeyCreate,
        _ when row.Contains("revokes") => AuditAction.ApiKeyRevoke,
        _ when row.Contains("adds a category") => AuditAction.OrganisationCreate,
        _ when row.Contains("changes a category") => AuditAction.OrganisationUpdate,
        _ => throw new InvalidOperationException($"Row '{row}' names no action."),
    };

    private static async Task<Expected> DownloadAsync(AuditApp app, string email, string url)
    {
        var response = await (await app.ClientAsync(email)).GetAsync(url);
        await OkAsync(response);
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileName);
        return new(AuditAction.Export, await app.UserAsync(email), null, url, OverHttp: true);
    }

    private static async Task OkAsync(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri} gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    private static async Task<CaseReceipt> FileAsync(AuditApp app)
    {
        var (category, area) = await app.BillingInBinchengAsync();
        return await app.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "电费异常",
            "本月电费比上月高出三倍。", false, "李四", "13912345678", "audit.case@example.com", null, null, "zh-CN", []));
    }

    private static Task<Guid> DepartmentAsync(AuditApp app) =>
        app.DbAsync(db => db.Departments.Where(d => d.Code == "billing-centre").Select(d => d.Id).SingleAsync());

    private static async Task<RoutingRuleFields> RuleAsync(AuditApp app, string name) =>
        new(name, [], [], [], [], ["审计关键词"], await DepartmentAsync(app), Priority.Normal);

    private static async Task<Guid> AddRuleAsync(AuditApp app) =>
        await app.SendAsync(Demo.Admin, new AddRoutingRule(await RuleAsync(app, "审计规则")));

    private static async Task<Guid> AppointAsync(AuditApp app, string email)
    {
        var area = await app.DbAsync(db => db.ServiceAreas.Where(a => a.Code == "bincheng").Select(a => a.Id).SingleAsync());
        return await app.SendAsync(Demo.Admin, new AppointSupervisor(email, "王代表", "市人大代表", [area], new DateOnly(2026, 12, 1), new DateOnly(2027, 11, 30)));
    }
}
