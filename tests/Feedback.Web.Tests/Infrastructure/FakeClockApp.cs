using Feedback.Web.Infrastructure.Outbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Web.Tests.Infrastructure;

/// <summary>
/// The app on a fake clock (Wednesday 25 November 2026, 10:00 Beijing time) with every background loop off
/// (deadline scan, outcome scan, survey sweep and month-end freeze, email delivery, retention sweep): tests move the clock and
/// run the loops they are about themselves. The base of the deadline, outcome and report test apps.
/// </summary>
public class FakeClockApp(IDictionary<string, string?>? settings = null) : FeedbackApp(WithLoopsOff(settings))
{
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The loops off, plus <paramref name="settings"/> (e.g. a test SMTP server).</summary>
    private static Dictionary<string, string?> WithLoopsOff(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Deadlines:ScanEnabled"] = "false",
            ["Outcomes:ScanEnabled"] = "false",
            ["Reports:BackgroundEnabled"] = "false",
            ["Email:BackgroundEnabled"] = "false",
            ["Privacy:RetentionEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Publishes the domain events stored so far (queueing their emails), as the outbox loop would.</summary>
    public Task<int> PublishOutboxAsync() => Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();

    public Task<Guid> UserIdAsync(string email) => DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The billing category and the Bincheng area: the shipped rules send such a case to the billing centre.</summary>
    public Task<(Guid Category, Guid Area)> BillingInBinchengAsync() =>
        DbAsync(async db => (
            await db.Categories.Where(c => c.Code == "billing").Select(c => c.Id).SingleAsync(),
            await db.ServiceAreas.Where(a => a.Code == "bincheng").Select(a => a.Id).SingleAsync()));
}
