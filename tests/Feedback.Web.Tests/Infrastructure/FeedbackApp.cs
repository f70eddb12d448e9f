using System.Security.Claims;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Infrastructure;

/// <summary>
/// The whole app on its own fresh SQLite file in a temporary folder (migrations applied and the demo
/// organisation seeded, exactly as `dotnet run` does), with demo accounts and generous rate limits.
/// Pass settings to change configuration (e.g. "RateLimits:tracking" = "3", or SMTP settings).
/// Call <see cref="UseRealServer"/> before the first request for browser tests: Kestrel on a free port.
/// </summary>
public class FeedbackApp : WebApplicationFactory<Program>
{
    public const string DemoPassword = "feedback-demo-2026";

    private readonly Dictionary<string, string?> _settings;

    public FeedbackApp(IDictionary<string, string?>? settings = null)
    {
        DataPath = Path.Combine(Path.GetTempPath(), "feedback-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        _settings = new Dictionary<string, string?>
        {
            ["Feedback:DataPath"] = DataPath,
            ["Feedback:ContentPath"] = Path.Combine(RepositoryRoot, "content"),
            ["Demo:SeedAccounts"] = "true",
            ["Demo:Password"] = DemoPassword,
            ["Security:RequireTwoFactorForStaff"] = "false",
            ["RateLimits:filing"] = "100000",
            ["RateLimits:tracking"] = "100000",
            ["RateLimits:signin"] = "100000",
            ["RateLimits:api"] = "100000",
            // Many tests share one app (and, in-process, one client address): failure budgets are tested on their own apps.
            ["Security:SignInFailures:PerAccountAndAddress"] = "100000",
            ["Security:SignInFailures:PerAccount"] = "100000",
            ["Security:SignInFailures:PerAddress"] = "100000",
            ["Security:TrackingFailures:PerNumber"] = "100000",
            ["Email:Smtp:Host"] = "",
            // Tests look at figures straight after changing them; LiveKpiCacheTests covers the reuse.
            ["Reports:LiveFiguresSeconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public string DataPath { get; }

    public static string RepositoryRoot { get; } =
        FeedbackPaths.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("content/setup not found above the test binaries.");

    /// <summary>Serve over a real socket (for Playwright). Returns the base address.</summary>
    public Uri UseRealServer()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseClientAddressHeader();
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests check them).</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs <paramref name="work"/> in a fresh scope acting as the given user (null = anonymous).</summary>
    public async Task<T> AsUserAsync<T>(string? email, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var principal = new ClaimsPrincipal(new ClaimsIdentity());
        if (email is not null)
        {
            var users = provider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
            principal = await provider.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
        }
        provider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = principal, RequestServices = provider };
        return await work(provider);
    }

    /// <summary>Sends a command or query through the real pipeline as the given user.</summary>
    public Task<TResponse> SendAsync<TResponse>(string? email, ICommand<TResponse> command) =>
        AsUserAsync(email, provider => provider.GetRequiredService<IMediator>().Send(command).AsTask());

    public Task<TResponse> QueryAsync<TResponse>(string? email, IQuery<TResponse> query) =>
        AsUserAsync(email, provider => provider.GetRequiredService<IMediator>().Send(query).AsTask());

    /// <summary>Reads the database directly (no tracking) for assertions.</summary>
    public async Task<T> DbAsync<T>(Func<FeedbackDbContext, Task<T>> read)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await read(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { /* a file may still be held briefly; the OS temp cleaner gets it */ }
        }
    }
}
