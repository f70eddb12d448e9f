using System.Net;
using System.Text;
using Feedback.Domain.Auditing;
using Feedback.Domain.Auditing.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Identity.Commands;
using Feedback.Web.Infrastructure.Auditing;
using Feedback.Web.Tests.Infrastructure;
using Feedback.Web.Tests.Staff;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Feedback.Web.Tests.Audit;

/// <summary>The admin's search and CSV, who may read the log (only the admin), that nobody can alter it, retention and shutdown.</summary>
public sealed class AuditLogTests(AuditAppFixture fixture) : IClassFixture<AuditAppFixture>
{
    private readonly AuditApp _shared = fixture.App;

    private static readonly Guid Zhang = Guid.Parse("0190aaaa-0000-7000-8000-000000000001");
    private static readonly Guid Li = Guid.Parse("0190aaaa-0000-7000-8000-000000000002");

    /// <summary>61 lines by 张审计 (60 exports a minute apart, newest at the clock's time; a case read ten days back) and 3 locks by 李管理 two days back.</summary>
    private static async Task SeedAsync(AuditApp app)
    {
        var now = app.Clock.GetUtcNow();
        for (var i = 0; i < 60; i++)
            app.Writer.Append(new AuditEntry(now.AddMinutes(-i), Zhang, "张审计", null, new(AuditAction.Export, null, $"/Reports?handler=Csv&n={i}"), "198.51.100.1", "UA"));
        for (var i = 0; i < 3; i++)
            app.Writer.Append(new AuditEntry(now.AddDays(-2), Li, "李管理", null, new(AuditAction.AccountLock, "T-1"), "198.51.100.2", "UA"));
        app.Writer.Append(new AuditEntry(now.AddDays(-10), Zhang, "张审计", null, new(AuditAction.CaseRead, "FB-1", "case id"), "198.51.100.1", "UA"));
        await app.FlushAsync();
    }

    [Fact]
    public async Task TheAdmin_SearchesByActorActionTargetAndDays_NewestFirstInPages_AndDownloadsTheSearchAsCsv()
    {
        using var app = new AuditApp();
        await SeedAsync(app);
        var now = app.Clock.GetUtcNow();

        var first = await app.QueryAsync(Demo.Admin, new SearchAuditLog(Actor: "张"));
        Assert.Equal((61, 2, 50), (first.TotalCount, first.PageCount, first.Items.Count));
        Assert.Equal(now, first.Items[0].At);
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.At >= p.Second.At), "Newest first.");
        var second = await app.QueryAsync(Demo.Admin, new SearchAuditLog(Actor: "张", Page: 2));
        Assert.Equal(11, second.Items.Count);
        Assert.Equal("FB-1", second.Items[^1].TargetId);
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));

        Assert.Equal(61, (await app.QueryAsync(Demo.Admin, new SearchAuditLog(Actor: Zhang.ToString()))).TotalCount);
        Assert.Equal(3, (await app.QueryAsync(Demo.Admin, new SearchAuditLog(Action: AuditAction.AccountLock))).TotalCount);
        Assert.Equal(3, (await app.QueryAsync(Demo.Admin, new SearchAuditLog(Target: "T-1"))).TotalCount);
        Assert.Equal(0, (await app.QueryAsync(Demo.Admin, new SearchAuditLog(Actor: "张", Action: AuditAction.AccountLock))).TotalCount);

        var admin = await app.ClientAsync(Demo.Admin);
        // Days are the organisation's (Beijing): 25 Nov 2026 is "today" on the fake clock; ten days back is 15 Nov.
        var page = await admin.GetStringAsync("/Admin/Audit?actor=%E5%BC%A0");
        Assert.Contains("共 61 条", page);
        Assert.Contains("/Reports?handler=Csv&amp;n=0", page);
        Assert.Contains("共 1 条", await admin.GetStringAsync("/Admin/Audit?from=2026-11-15&to=2026-11-15"));
        Assert.Contains("共 3 条", await admin.GetStringAsync("/Admin/Audit?from=2026-11-16&to=2026-11-24"));
        Assert.Contains("共 64 条", await admin.GetStringAsync("/Admin/Audit?to=2026-11-25"));
        Assert.Contains("共 3 条", await admin.GetStringAsync("/Admin/Audit?action=AccountLock&target=T-1"));

        var csv = await admin.GetAsync("/Admin/Audit?handler=Csv&actor=%E5%BC%A0");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 61, lines.Length);
        Assert.StartsWith("时间,操作人,账号编号", lines[0]);
        Assert.Contains("导出 / 下载", lines[1]);
        Assert.Contains("FB-1", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Contains("李管理"));
    }

    public static TheoryData<string> Searches => ["everything", "actor name", "actor id", "action", "target", "days", "action and days"];

    [Theory]
    [MemberData(nameof(Searches))]
    public async Task EverySearch_FindsItsPageThroughAnIndex_InOrder(string search)
    {
        var now = _shared.Clock.GetUtcNow();
        var query = search switch
        {
            "everything" => new SearchAuditLog(),
            "actor name" => new SearchAuditLog(Actor: "张"),
            "actor id" => new SearchAuditLog(Actor: Zhang.ToString()),
            "action" => new SearchAuditLog(Action: AuditAction.Export),
            "target" => new SearchAuditLog(Target: "T-1"),
            "days" => new SearchAuditLog(From: now.AddDays(-7), Until: now),
            _ => new SearchAuditLog(Action: AuditAction.CaseRead, From: now.AddDays(-7), Until: now),
        };
        var plan = await _shared.DbAsync(db => QueryPlan.ExplainAsync(db,
            SearchAuditLogHandler.Matching(db, query).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(50).Take(50).ToQueryString()));
        var steps = plan.Where(step => step.Contains("AuditLog")).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.Contains("INDEX", step));
        // Only "everything" walks the time index from the newest end; a filter seeks its own index range.
        if (search is not "everything")
            Assert.All(steps, step => Assert.StartsWith("SEARCH", step));
        if (search is not "actor name")
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE"));
    }

    [Theory]
    [InlineData("from=not-a-day")]
    [InlineData("action=Nothing")]
    [InlineData("from=2026-11-20&to=2026-11-10")]
    [InlineData("pageNumber=0")]
    public async Task ABadSearch_IsA400WithTheMessage_NotAnError(string query)
    {
        var admin = await _shared.ClientAsync(Demo.Admin);
        var response = await admin.GetAsync("/Admin/Audit?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("field-validation-error|text-danger d-block", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/Admin/Audit?handler=Csv&" + query)).StatusCode);
    }

    [Theory]
    [InlineData(Demo.Staff)]
    [InlineData(Demo.Head)]
    [InlineData(Demo.Dispatcher)]
    [InlineData(Demo.Customer)]
    [InlineData(Demo.Supervisor)]
    public async Task NobodyButTheAdmin_ReadsTheLog(string email)
    {
        var client = await _shared.ClientAsync(email);
        foreach (var url in new[] { "/Admin/Audit", "/Admin/Audit?handler=Csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Error/403", response.Headers.Location?.AbsolutePath);
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => _shared.QueryAsync(email, new SearchAuditLog()));
        var anonymous = await _shared.CreateBrowserClient().GetAsync("/Admin/Audit");
        Assert.Equal("/Account/Login", anonymous.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task NobodyAltersTheLog_NotThroughThePage_NotThroughTheApp_NotInTheDatabase()
    {
        var someone = await _shared.UserAsync(Demo.OtherStaff);
        await _shared.SendAsync(Demo.Admin, new SetAccountLock(someone.Id, false));
        await _shared.FlushAsync();
        var before = await _shared.DbAsync(db => db.AuditLog.OrderBy(e => e.Id).Select(e => new { e.Id, e.Summary, e.TargetId }).ToListAsync());
        Assert.NotEmpty(before);

        // The page has no handler that writes: every other method is refused.
        var admin = await _shared.ClientAsync(Demo.Admin);
        var html = await admin.GetStringAsync("/Admin/Audit");
        var posted = await admin.PostAsync("/Admin/Audit", new FormUrlEncodedContent(Forms.Fields(("__RequestVerificationToken", Forms.AntiforgeryToken(html)), ("id", before[0].Id.ToString()))));
        Assert.True((int)posted.StatusCode >= 400, $"POST gave {(int)posted.StatusCode}");
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
            Assert.True((int)(await admin.SendAsync(new HttpRequestMessage(method, "/Admin/Audit"))).StatusCode >= 400, $"{method} was accepted");

        // The app's one context refuses to change or remove a line.
        await using (var scope = _shared.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Feedback.Domain.Data.FeedbackDbContext>();
            var line = await db.AuditLog.FirstAsync();
            db.Entry(line).Property(e => e.Summary).CurrentValue = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditLog.Remove(await db.AuditLog.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            // And the database refuses an UPDATE however it is sent.
            var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditLog SET Summary = 'rewritten'"));
            Assert.Contains("append-only", refused.Message);
        }
        // Nothing outside the entity can set a field.
        Assert.All(typeof(AuditEntry).GetProperties(), p => Assert.False(p.SetMethod?.IsPublic == true, $"{p.Name} has a public setter"));

        var lastId = before[^1].Id;
        var after = await _shared.DbAsync(db => db.AuditLog.Where(e => e.Id <= lastId).OrderBy(e => e.Id).Select(e => new { e.Id, e.Summary, e.TargetId }).ToListAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task TheDailyPurge_DeletesLinesPastTheRetention_InBatches_AndKeepsTheRest()
    {
        using var app = new AuditApp(new Dictionary<string, string?> { ["Audit:RetentionDays"] = "30", ["Audit:PurgeBatchSize"] = "7" });
        var note = new AuditNote(AuditAction.Export, null, "/Reports?handler=Csv");
        for (var i = 0; i < 20; i++)
            app.Writer.Append(new AuditEntry(app.Clock.GetUtcNow(), Zhang, "张审计", null, note, null, null));
        app.Clock.Advance(TimeSpan.FromDays(10));
        for (var i = 0; i < 5; i++)
            app.Writer.Append(new AuditEntry(app.Clock.GetUtcNow(), Zhang, "张审计", null, note, null, null));
        await app.FlushAsync();
        var retention = app.Services.GetRequiredService<AuditRetention>();

        app.Clock.Advance(TimeSpan.FromDays(20)); // the first lines are 30 days old: not yet past
        Assert.Equal(0, await retention.RunOnceAsync());
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(20, await retention.RunOnceAsync()); // 7 + 7 + 6
        Assert.Equal(5, await app.DbAsync(db => db.AuditLog.CountAsync()));
        Assert.Equal(0, await retention.RunOnceAsync());
        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(5, await retention.RunOnceAsync());
    }

    [Fact]
    public async Task OnShutdown_WhatIsQueuedIsWritten()
    {
        // A writer that would wait an hour to gather a batch: only the shutdown can have written the line.
        using var app = new AuditApp(new Dictionary<string, string?> { ["Audit:WriteDelayMilliseconds"] = "3600000" });
        var someone = await app.UserAsync(Demo.OtherStaff);
        await app.SendAsync(Demo.Admin, new SetAccountLock(someone.Id, false));
        Assert.Equal(0, await app.DbAsync(db => db.AuditLog.CountAsync(e => e.Action == AuditAction.AccountUnlock)));

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        await app.Writer.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2));

        // Read the file itself: once stopped, the app may already have disposed its services.
        await using var db = new SqliteConnection($"Data Source={Path.Combine(app.DataPath, "feedback.db")};Pooling=False");
        await db.OpenAsync();
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT TargetId FROM AuditLog WHERE Action = $action";
        read.Parameters.AddWithValue("$action", AuditAction.AccountUnlock.ToString());
        Assert.Equal(someone.Id.ToString(), await read.ExecuteScalarAsync() as string);
    }
}
