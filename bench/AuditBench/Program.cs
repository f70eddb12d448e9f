// What the audit log adds to an audited request (ADR 0021). Two copies of the app in this one process, each
// on its own fresh SQLite file: "audited" as shipped, "baseline" with the audit trail replaced by one that
// records nothing (the pipeline behavior still runs; it only hands its note to a no-op). The same request,
// the service centre's dispatcher opening a complaint's case page (contact details unmasked, so audited),
// is sent in rounds that alternate between the two apps; each round ends by flushing the audit writer, so
// that the background inserts are inside the measured CPU time. Reported: the median over rounds of wall
// time and process CPU time per request, for each app, and the difference.
//
//   dotnet run -c Release --project bench/AuditBench [-- rounds requestsPerRound]
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Auditing;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Auditing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

static class AuditBench
{
    public static async Task Main(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0]) : 12;
        var perRound = args.Length > 1 ? int.Parse(args[1]) : 400;

        // The factory finds the web project's content root through this variable (the bench is no test project).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FEEDBACK_WEB", Path.Combine(BenchApp.FindRoot(), "src", "Feedback.Web"));
        using var audited = new BenchApp(auditing: true);
        using var baseline = new BenchApp(auditing: false);
        var apps = new[] { audited, baseline };
        foreach (var app in apps)
            await app.PrepareAsync();
        // Warm-up: JIT, connection pools, EF query caches.
        foreach (var app in apps)
            await app.RoundAsync(perRound);

        var results = apps.ToDictionary(a => a, _ => (Wall: new List<double>(), Cpu: new List<double>()));
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which app goes first so that neither always follows the other's garbage.
            foreach (var app in round % 2 == 0 ? apps : apps.Reverse())
            {
                var (wall, cpu) = await app.RoundAsync(perRound);
                results[app].Wall.Add(wall);
                results[app].Cpu.Add(cpu);
            }
        }

        var lines = await audited.AuditLinesAsync();
        var (recordMicros, writeMicros) = await audited.PartsAsync(100_000);
        Console.WriteLine($"{rounds} rounds x {perRound} sequential GET /Staff/Case/{{id}} per app; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{"app",-10} {"wall ms/req (median)",22} {"CPU ms/req (median)",22}");
        foreach (var app in apps)
            Console.WriteLine($"{app.Name,-10} {Median(results[app].Wall),22:F3} {Median(results[app].Cpu),22:F3}");
        Console.WriteLine($"{"added",-10} {Median(results[audited].Wall) - Median(results[baseline].Wall),22:F3} {Median(results[audited].Cpu) - Median(results[baseline].Cpu),22:F3}");
        Console.WriteLine($"the parts, {100_000} lines: on the request path (stamp + queue) {recordMicros:F2} µs CPU a line; in the background writer (batched inserts) {writeMicros:F2} µs CPU a line");
        Console.WriteLine($"audit lines written by the audited app: {lines} (expected {(rounds + 1) * perRound} before the parts); baseline wrote {await baseline.AuditLinesAsync()}");
    }

    private static double Median(List<double> values)
    {
        var s = values.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}

sealed class BenchApp(bool auditing) : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "feedback-auditbench", Guid.NewGuid().ToString("N"));
    private HttpClient _client = null!;
    private string _url = "";

    public string Name => auditing ? "audited" : "baseline";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var root = FindRoot();
        builder.UseEnvironment("Development");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Feedback:DataPath"] = _dataPath,
            ["Feedback:ContentPath"] = Path.Combine(root, "content"),
            ["Demo:SeedAccounts"] = "true",
            ["Demo:Password"] = "feedback-demo-2026",
            ["Security:RequireTwoFactorForStaff"] = "false",
            ["RateLimits:signin"] = "100000",
            ["Email:Smtp:Host"] = "",
            ["Logging:LogLevel:Default"] = "Warning",
        })
            builder.UseSetting(key, value);
        if (!auditing)
            builder.ConfigureTestServices(services => services.AddScoped<IAuditTrail, NoAuditTrail>());
    }

    public async Task PrepareAsync()
    {
        Directory.CreateDirectory(_dataPath);
        _client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var category = await db.Categories.Where(c => c.Code == "billing").Select(c => c.Id).SingleAsync();
            var area = await db.ServiceAreas.Where(a => a.Code == "bincheng").Select(a => a.Id).SingleAsync();
            var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
            accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
            var receipt = await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(new SubmitCase(CaseKind.Complaint, Channel.Web,
                category, area, "电费异常", "本月电费比上月高出三倍。", false, "李四", "13912345678", "li.si@example.com", null, null, "zh-CN", []));
            _url = $"/Staff/Case/{receipt.CaseId}";
        }
        var login = await _client.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var signedIn = await _client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "dispatcher@demo.local", ["Input.Password"] = "feedback-demo-2026", ["__RequestVerificationToken"] = token,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in gave {(int)signedIn.StatusCode}");
    }

    /// <returns>Wall and CPU milliseconds per request, the audit writer's flush included.</returns>
    public async Task<(double Wall, double Cpu)> RoundAsync(int requests)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < requests; i++)
        {
            using var response = await _client.GetAsync(_url);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{_url} gave {(int)response.StatusCode}");
            await response.Content.LoadIntoBufferAsync();
        }
        await Services.GetRequiredService<AuditLogWriter>().FlushAsync();
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        return (wall / requests, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / requests);
    }

    /// <summary>
    /// The two halves of the cost, each timed alone over <paramref name="count"/> lines: what the request thread
    /// does (stamp who/when/where, queue) and what the background writer does per line (batched inserts).
    /// </summary>
    public async Task<(double RecordMicros, double WriteMicros)> PartsAsync(int count)
    {
        var writer = Services.GetRequiredService<AuditLogWriter>();
        await writer.FlushAsync();
        await using var scope = Services.CreateAsyncScope();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        http.Request.Headers.UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext = http;
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        var note = new AuditNote(AuditAction.CaseRead, "FB20261125000001", Guid.NewGuid().ToString());

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < count; i++)
            trail.Record(note);
        process.Refresh();
        var record = (process.TotalProcessorTime - before).TotalMicroseconds / count;

        before = process.TotalProcessorTime;
        await writer.FlushAsync();
        process.Refresh();
        return (record, (process.TotalProcessorTime - before).TotalMicroseconds / count);
    }

    public async Task<int> AuditLinesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FeedbackDbContext>().AuditLog.CountAsync();
    }

    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "content", "setup")))
                return dir.FullName;
        throw new InvalidOperationException("content/setup not found above the bench binaries.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { }
    }
}

sealed class NoAuditTrail : IAuditTrail
{
    public void Record(AuditNote note) { }
}
