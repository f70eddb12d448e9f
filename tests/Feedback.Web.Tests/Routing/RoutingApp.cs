using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Organisation;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Feedback.Web.Tests.Routing;

/// <summary>
/// The app with a clock the test sets, so deadlines can be checked against dates worked out by hand on
/// the shipped calendar. Helpers: sign in through the login form, look up organisation ids by code, file a case.
/// </summary>
public sealed class RoutingApp : FeedbackApp
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>The eve of the 2026 National Day holiday (Oct 1–7; Sat Oct 10 is a working day), 10:00 local.</summary>
    public static readonly DateTimeOffset NationalDayEve = new(2026, 9, 30, 10, 0, 0, Shanghai);

    public SettableClock Clock { get; } = new(NationalDayEve);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = CreateBrowserClient();
        await client.SignInAsync(email);
        return client;
    }

    public async Task<OrganisationSnapshot> OrganisationAsync() => await Services.GetRequiredService<OrganisationCache>().GetAsync();

    public async Task<Guid> DepartmentAsync(string code) => (await OrganisationAsync()).Departments.Single(d => d.Code == code).Id;
    public async Task<Guid> CategoryAsync(string code) => (await OrganisationAsync()).Categories.Single(c => c.Code == code).Id;
    public async Task<Guid> AreaAsync(string code) => (await OrganisationAsync()).Areas.Single(a => a.Code == code).Id;

    /// <summary>Files an anonymous web case (category "other", Bincheng unless told) and returns it as stored.</summary>
    public async Task<Case> FileAsync(string subject, CaseKind kind = CaseKind.Complaint, string category = "other", Guid? accused = null)
    {
        var receipt = await SendAsync(null, new SubmitCase(kind, Channel.Web, await CategoryAsync(category), await AreaAsync("bincheng"),
            subject, "详细情况见主题。Details as in the subject.", true, null, null, null, null, null, "zh-CN", [], accused));
        return await DbAsync(db => Task.FromResult(db.Cases.Single(c => c.Id == receipt.CaseId)));
    }
}

/// <summary>
/// "Now" is whatever the test says, forwards or back (FakeTimeProvider only goes forwards, and tests share
/// one app); timers still run in real time, so background work is not frozen.
/// </summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private long _utcTicks = now.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void SetUtcNow(DateTimeOffset value) => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
}

public sealed class RoutingAppFixture : IDisposable
{
    public RoutingApp App { get; } = new();

    public void Dispose() => App.Dispose();
}

/// <summary>
/// The routing, SLA and calendar tests share one app (starting one takes seconds). Each test makes its own
/// rules and cases, and puts back what others rely on (clock, SLA targets, a catch-all rule).
/// </summary>
[CollectionDefinition(Name)]
public sealed class RoutingCollection : ICollectionFixture<RoutingAppFixture>
{
    public const string Name = "Routing";
}

public static class RoutingHtml
{
    /// <summary>What a reader sees: tags removed, entities decoded, runs of white space as one space.</summary>
    public static async Task<string> VisibleTextAsync(this HttpResponseMessage response) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(await response.Content.ReadAsStringAsync(), "<[^>]+>", "")), @"\s+", " ");
}
