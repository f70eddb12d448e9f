using System.Net;
using Feedback.Domain.Auditing;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Auditing;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Audit;

/// <summary>The app on a fake clock with the retention loop off: tests flush the writer and run the purge themselves.</summary>
public sealed class AuditApp(IDictionary<string, string?>? settings = null) : FakeClockApp(WithPurgeOff(settings))
{
    public const string UserAgent = "AuditTests/1.0";
    /// <summary>The test server has no socket: requests get this client address (a documentation range).</summary>
    public const string ClientAddress = "203.0.113.7";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Parse(ClientAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private static Dictionary<string, string?> WithPurgeOff(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Audit:PurgeEnabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return all;
    }

    public AuditLogWriter Writer => Services.GetRequiredService<AuditLogWriter>();

    /// <summary>Writes what audited requests have queued (they queue before their response is sent).</summary>
    public Task<int> FlushAsync() => Writer.FlushAsync();

    public Task<long> LastIdAsync() => DbAsync(db => db.AuditLog.MaxAsync(e => (long?)e.Id)).ContinueWith(t => t.Result ?? 0);

    public async Task<List<AuditEntry>> EntriesSinceAsync(long id, AuditAction? action = null)
    {
        await FlushAsync();
        return await DbAsync(db => db.AuditLog.Where(e => e.Id > id && (action == null || e.Action == action)).OrderBy(e => e.Id).ToListAsync());
    }

    /// <summary>A browser-like client, signed in, that names itself in User-Agent.</summary>
    public async Task<HttpClient> ClientAsync(string? email)
    {
        var client = CreateBrowserClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        if (email is not null)
            await client.SignInAsync(email);
        return client;
    }

    public Task<(Guid Id, string Name)> UserAsync(string email) =>
        DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => new ValueTuple<Guid, string>(u.Id, u.DisplayName)).SingleAsync());

    /// <summary>A confirmed customer account made directly (for the one that deletes itself).</summary>
    public async Task<Guid> NewCustomerAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Leaving customer", CreatedAt = Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Feedback.Domain.Common.Roles.Customer)).Succeeded);
        return user.Id;
    }
}

public sealed class AuditAppFixture : IDisposable
{
    public AuditApp App { get; } = new();
    public void Dispose() => App.Dispose();
}
