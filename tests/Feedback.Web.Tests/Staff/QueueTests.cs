using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Data;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// A known queue for Operations (five cases in different states, deadlines and filing times) and a long
/// one for Billing (for paging). Deadlines and filing times are set directly so that the expectations do
/// not depend on the SLA policies or on the clock.
/// </summary>
public sealed class QueueWorld : IAsyncLifetime
{
    public StaffWorld World { get; } = new();
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;
    /// <summary>Tracking numbers of the Operations cases, by letter.</summary>
    public Dictionary<string, string> Om { get; } = [];
    public List<string> BillingCases { get; } = [];
    public string Billing => World.Billing.ToString();

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        var day = TimeSpan.FromDays(1);
        // A: billing, area 0, Assigned, 5 days left.
        Om["A"] = await CaseAsync("billing", 0, -1 * day, Now + 5 * day);
        // B: outage, area 1, InProgress with staff.om, overdue by a day.
        Om["B"] = await CaseAsync("outage", 1, -6 * day, Now - day, Demo.OtherStaff);
        // C: billing, area 1, Resolved, deadline passed (answered: not overdue).
        Om["C"] = await CaseAsync("billing", 1, -10 * day, Now - 2 * day, Demo.OtherHead, resolve: true);
        // D: other, area 0, Assigned, no deadline.
        Om["D"] = await CaseAsync("other", 0, -3 * day, null);
        // E: other, area 0, AwaitingInfo with staff.om, deadline passed while the clock is paused.
        Om["E"] = await CaseAsync("other", 0, -4 * day, Now - TimeSpan.FromHours(3), Demo.OtherStaff, askForInfo: true);
        // F: outage, area 1, resolved and closed long ago: history, not work, so only asked for by status.
        Om["F"] = await CaseAsync("outage", 1, -30 * day, Now - 25 * day, Demo.OtherHead, resolve: true);
        await World.App.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == Om["F"]).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.Status, CaseStatus.Closed).SetProperty(c => c.ClosedAt, Now - 20 * day)));

        for (var i = 0; i < 27; i++)
            BillingCases.Add((await World.AssignedCaseAsync(subject: $"Billing queue case {i}")).TrackingNumber);
    }

    public Task DisposeAsync() => World.DisposeAsync();

    private async Task<string> CaseAsync(string category, int area, TimeSpan submittedAgo, DateTimeOffset? resolveBy,
        string? acceptedBy = null, bool resolve = false, bool askForInfo = false)
    {
        var receipt = await World.FileAsync(subject: $"Operations queue case ({category})", category: category, area: area);
        var @case = await World.CaseAsync(receipt.CaseId);
        // Routing rules may already have sent it somewhere; the service centre moves it to Operations.
        if (@case.Status == CaseStatus.Submitted)
            await World.App.SendAsync(Demo.Dispatcher, new RouteCase(receipt.CaseId, World.Operations, Priority.Normal));
        else if (@case.DepartmentId != World.Operations)
            await World.App.SendAsync(Demo.Dispatcher, new ReassignCase(receipt.CaseId, World.Operations));
        if (acceptedBy is not null)
            await World.App.SendAsync(acceptedBy, new AcceptCase(receipt.CaseId));
        if (resolve)
            await World.App.SendAsync(acceptedBy, new ResolveCase(receipt.CaseId, "Done."));
        if (askForInfo)
            await World.App.SendAsync(acceptedBy, new RequestInformation(receipt.CaseId, "Which meter?"));
        await World.App.DbAsync(db => db.Cases.Where(c => c.Id == receipt.CaseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.SubmittedAt, Now + submittedAgo)
            .SetProperty(c => c.ResolveBy, resolveBy)));
        return receipt.TrackingNumber;
    }
}

public sealed class QueueTests(QueueWorld queue) : IClassFixture<QueueWorld>
{
    private StaffWorld World => queue.World;

    public static TheoryData<string, string> Filters => new()
    {
        { "", "A B C D E" },
        { "?status=InProgress", "B" },
        { "?status=AwaitingInfo", "E" },
        { "?status=Closed", "F" },
        { "?status=Closed&area={area1}", "F" },
        { "?category=billing", "A C" },
        { "?category=BILLING&area={area1}", "C" },
        { "?area={area1}", "B C" },
        { "?overdue=true", "B" },
        // staff.om is Operations' only staff member: A and D were given to them when routed, B and E accepted.
        { "?mine=true", "A B D E" },
        { "?overdue=true&mine=true&category=other", "" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Queue_ShowsTheDepartmentsCasesThatMatchTheFilters(string query, string expected)
    {
        var html = await GetOkAsync(Demo.OtherStaff, "/Staff/Queue" + query.Replace("{area1}", World.Area(1).Code));

        Assert.Equal(Letters(expected), StaffWorld.TrackingNumbersIn(html).Order());
    }

    [Theory]
    [InlineData("", "C B E A D")]
    [InlineData("?sort=Urgency", "C B E A D")]
    [InlineData("?sort=Newest", "A D E B C")]
    [InlineData("?sort=oldest", "C B E D A")]
    public async Task Queue_IsSortedAsAsked(string query, string expected)
    {
        var html = await GetOkAsync(Demo.OtherHead, "/Staff/Queue" + query);

        Assert.Equal(expected.Split(' ').Select(l => queue.Om[l]), StaffWorld.TrackingNumbersIn(html));
    }

    [Fact]
    public async Task Queue_ColoursTheTimeLeft_RedWhenOverdue_NoneWhenTheClockIsPaused()
    {
        var html = await GetOkAsync(Demo.OtherStaff, "/Staff/Queue");

        Assert.Equal("Red", DeadlineOf(html, queue.Om["B"]));
        Assert.Equal("Green", DeadlineOf(html, queue.Om["A"]));
        Assert.Equal("None", DeadlineOf(html, queue.Om["E"]));
        Assert.Contains("计时暂停", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Queue_IsPagedBy25_WithLinksThatKeepTheFilters()
    {
        var client = await World.ClientAsync(Demo.Staff);
        var first = await GetOkAsync(Demo.Staff, "/Staff/Queue?sort=Oldest");
        var second = await GetOkAsync(Demo.Staff, "/Staff/Queue?sort=Oldest&page=2");
        var beyond = await GetOkAsync(Demo.Staff, "/Staff/Queue?sort=Oldest&page=3");

        var onFirst = StaffWorld.TrackingNumbersIn(first);
        var onSecond = StaffWorld.TrackingNumbersIn(second);
        Assert.Equal(25, onFirst.Count);
        Assert.Equal(queue.BillingCases.Count - 25, onSecond.Count);
        Assert.Empty(StaffWorld.TrackingNumbersIn(beyond));
        Assert.Equal(queue.BillingCases.Order(), onFirst.Concat(onSecond).Order());
        Assert.Contains("href=\"/Staff/Queue?sort=Oldest&amp;page=2\"", first);
        Assert.Contains("href=\"/Staff/Queue?sort=Oldest\"", second);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Staff/Queue?page=2")).StatusCode);
    }

    [Fact]
    public async Task Queue_NeverShowsAnotherDepartmentsCases()
    {
        var billing = StaffWorld.TrackingNumbersIn(await GetOkAsync(Demo.Head, "/Staff/Queue?page=1"))
            .Concat(StaffWorld.TrackingNumbersIn(await GetOkAsync(Demo.Head, "/Staff/Queue?page=2")));
        var operations = StaffWorld.TrackingNumbersIn(await GetOkAsync(Demo.OtherHead, "/Staff/Queue"));

        Assert.Empty(billing.Intersect(queue.Om.Values));
        Assert.Empty(operations.Intersect(queue.BillingCases));
    }

    [Theory]
    [InlineData("status=Bogus", "Bogus")]
    [InlineData("status=Submitted2", "Submitted2")]
    [InlineData("page=-1", "页码")]
    [InlineData("page=0", "页码")]
    [InlineData("page=abc", "abc")]
    [InlineData("page=99999999999", "99999999999")]
    [InlineData("sort=x", "“x”")]
    [InlineData("overdue=maybe", "maybe")]
    [InlineData("category=NOPE", "NOPE")]
    [InlineData("area=%3Cscript%3E", "没有服务区域")]
    public async Task Queue_AnswersABadQueryString_With400AndTheReason(string query, string message)
    {
        var client = await World.ClientAsync(Demo.OtherStaff);

        var response = await client.GetAsync("/Staff/Queue?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("<script>", html);
        Assert.Empty(StaffWorld.TrackingNumbersIn(html));
    }

    public static TheoryData<string, ListDepartmentQueue> QueueQueries => new()
    {
        { "no filter", new ListDepartmentQueue() },
        { "status", new ListDepartmentQueue(Status: CaseStatus.InProgress) },
        { "category", new ListDepartmentQueue(CategoryId: Guid.CreateVersion7()) },
        { "area", new ListDepartmentQueue(ServiceAreaId: Guid.CreateVersion7()) },
        { "overdue", new ListDepartmentQueue(OverdueOnly: true) },
        { "assigned to me", new ListDepartmentQueue(AssignedToMe: true) },
        { "newest first", new ListDepartmentQueue(Sort: QueueSort.Newest) },
        { "status + category + oldest", new ListDepartmentQueue(Status: CaseStatus.Assigned, CategoryId: Guid.CreateVersion7(), Sort: QueueSort.Oldest) },
    };

    /// <summary>
    /// The SQL EF makes of the queue (the page of rows, and the filter the count uses) finds its cases
    /// through an index: SQLite's plan says SEARCH, never SCAN, for the Cases table. Seen on SQLite 3 without
    /// ANALYZE: department alone → (DepartmentId, SubmittedAt); + status or overdue → (DepartmentId, Status,
    /// ResolveBy); + category / area → (DepartmentId, CategoryId|ServiceAreaId, Status); the joined names are
    /// primary-key lookups.
    /// </summary>
    [Theory]
    [MemberData(nameof(QueueQueries))]
    public async Task QueueQuery_UsesAnIndexOnCases(string what, ListDepartmentQueue query)
    {
        await using var scope = World.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var filtered = ListDepartmentQueueHandler.Filter(db, query, World.Operations, Guid.CreateVersion7(), DateTimeOffset.UtcNow);
        var page = ListDepartmentQueueHandler.Order(filtered, query.Sort).Skip(0).Take(CaseList.PageSize).Project(db);

        foreach (var sql in new[] { page.ToQueryString(), filtered.ToQueryString() })
        {

            var plan = await QueryPlan.ExplainAsync(db, sql);
            // "c" is the Cases table; "SCAN c1" walks the page of at most 25 rows that the SEARCH produced.
            var onCases = plan.Where(step => step is "SCAN c" || step.StartsWith("SCAN c ") || step.StartsWith("SEARCH c ")).ToList();
            Assert.True(onCases.Count > 0 && onCases.All(step => step.StartsWith("SEARCH c USING INDEX IX_Cases_")), $"{what}: {string.Join(" | ", plan)}");
        }
    }

    private async Task<string> GetOkAsync(string email, string url)
    {
        var client = await World.ClientAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private IEnumerable<string> Letters(string letters) =>
        letters.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => queue.Om[l]).Order();

    private static string? DeadlineOf(string html, string trackingNumber)
    {
        var row = html[html.IndexOf(trackingNumber, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var marker = "data-deadline=\"";
        var at = row.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : row[(at + marker.Length)..row.IndexOf('"', at + marker.Length)];
    }
}
