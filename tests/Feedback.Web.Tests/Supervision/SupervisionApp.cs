using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Feedback.Domain.Notifications;
using Feedback.Domain.Supervision;
using Feedback.Domain.Supervision.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Web.Tests.Supervision;

/// <summary>
/// The app on a fake clock (Wednesday 25 November 2026, 10:00 Beijing time) with the background loops off.
/// supervisor@demo.local is appointed by the seeder (from 30 days ago for two years).
/// </summary>
public sealed partial class SupervisionApp(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : FeedbackApp(Merge(settings))
{
    public const string Admin = "admin@demo.local";
    public const string DemoSupervisor = "supervisor@demo.local";
    public const string Password = "supervisor passphrase 2026";

    public static readonly DateOnly Today = new(2026, 11, 25);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    private static Dictionary<string, string?> Merge(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["Deadlines:ScanEnabled"] = "false",
            ["Email:BackgroundEnabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        return all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(Clock);
            services?.Invoke(collection);
        });
    }

    /// <summary>Appoints a supervisor as the admin and gives the account a password straight away (the invitation is tested separately).</summary>
    public async Task<Guid> AppointAsync(string email, DateOnly startsOn, DateOnly endsOn, string name = "监督员 测试")
    {
        var area = await AreaAsync("bincheng");
        var id = await SendAsync(Admin, new AppointSupervisor(email, name, "市人大代表", [area], startsOn, endsOn));
        await AsUserAsync(null, async provider =>
        {
            var users = provider.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync(email);
            return await users.AddPasswordAsync(user!, Password);
        });
        return id;
    }

    public Task<Guid> AreaAsync(string code) => DbAsync(db => db.ServiceAreas.Where(a => a.Code == code).Select(a => a.Id).SingleAsync());
    public Task<Guid> CategoryAsync(string code) => DbAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
    public Task<Guid> ServicePointAsync(string code) => DbAsync(db => db.ServicePoints.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
    public Task<Guid> DepartmentAsync(string code) => DbAsync(db => db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());
    public Task<List<Guid>> DimensionIdsAsync() => DbAsync(db => db.ReviewDimensions.Where(d => d.IsActive).OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync());

    /// <summary>A review of the Bincheng business hall, every active dimension scored 4, with the given findings.</summary>
    public async Task<SubmitReview> ReviewAsync(params RaisedItem[] findings)
    {
        var point = await ServicePointAsync("bincheng-hall");
        var scores = (await DimensionIdsAsync()).ToDictionary(id => id, _ => 4);
        return new SubmitReview(ReviewTarget.ServicePoint, point, null, null, Today.AddDays(-1), scores, "整体较好", findings, []);
    }

    public async Task<RaisedItem> FindingAsync(string category = "conduct", string subject = "窗口人员态度生硬") =>
        new(await CategoryAsync(category), subject, "办理业务时工作人员不耐烦，未一次性告知所需材料。");

    public Task<Case> CaseAsync(string trackingNumber) => DbAsync(db => db.Cases.SingleAsync(c => c.TrackingNumber == trackingNumber));

    public Task<List<EmailMessage>> EmailsAsync(string to, string template) =>
        DbAsync(db => db.EmailMessages.Where(m => m.To == to && m.Template == template).OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>The path and query of the set-password link in the newest invitation to that address.</summary>
    public async Task<string> InvitationLinkAsync(string to)
    {
        var email = (await EmailsAsync(to, EmailTemplates.SupervisorInvitation)).LastOrDefault() ?? throw new InvalidOperationException($"No invitation to {to}");
        var match = LinkPattern().Match(WebUtility.HtmlDecode(email.TextBody));
        Assert.True(match.Success, "No link in the invitation");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s""'<>()\[\]]+/Account/ResetPassword\?[^\s""'<>()\[\]]+")]
    private static partial Regex LinkPattern();

    /// <summary>The status a person meets: a refusal by a page policy redirects to the 403 page, which counts as 403.</summary>
    public static HttpStatusCode Outcome(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Error/403") == true
            ? HttpStatusCode.Forbidden
            : response.StatusCode == HttpStatusCode.Redirect ? throw new InvalidOperationException($"Redirected to {response.Headers.Location}") : response.StatusCode;

    /// <summary>Sets a password through the invitation link, as the person would.</summary>
    public async Task<HttpResponseMessage> AcceptInvitationAsync(HttpClient client, string link, string email, string password)
    {
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!;
        return await client.PostAsync(link, Forms.Fields(("Input.Email", email), ("Input.Code", code), ("Input.Password", password), ("Input.ConfirmPassword", password)));
    }
}
