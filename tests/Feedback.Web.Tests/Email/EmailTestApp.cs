using System.Security.Claims;
using System.Text.Encodings.Web;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Email;
using Feedback.Web.Infrastructure.Outbox;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Feedback.Web.Tests.Email;

/// <summary>
/// The app with the email loops switched off (tests drive them with <see cref="DeliverAsync"/>), a fake
/// clock standing on a working Wednesday morning in Beijing, and a header-based sign-in for page tests.
/// </summary>
public sealed class EmailTestApp(IDictionary<string, string?>? settings = null) : FeedbackApp(WithEmailDefaults(settings))
{
    public const string TestUserHeader = "X-Test-User";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    public OutboxProcessor Outbox => Services.GetRequiredService<OutboxProcessor>();
    public EmailDispatcher Dispatcher => Services.GetRequiredService<EmailDispatcher>();

    private static Dictionary<string, string?> WithEmailDefaults(IDictionary<string, string?>? settings)
    {
        var all = new Dictionary<string, string?> { ["Email:BackgroundEnabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        return all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderSignIn>(HeaderSignIn.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultAuthenticateScheme = HeaderSignIn.SchemeName;
                options.DefaultChallengeScheme = HeaderSignIn.SchemeName;
                options.DefaultForbidScheme = HeaderSignIn.SchemeName;
            });
        });
    }

    /// <summary>Publishes the stored domain events (queueing their emails), then sends what is due.</summary>
    public async Task DeliverAsync()
    {
        await Outbox.RunOnceAsync();
        await Dispatcher.RunOnceAsync();
    }

    public async Task<CaseReceipt> FileCaseAsync(string? email, string culture = "zh-CN", string subject = "电费突然比上月高出很多",
        CaseKind kind = CaseKind.Complaint, bool anonymous = false, string? name = "张三", string? phone = null)
    {
        // Any category and area of the seeded organisation will do; emails do not depend on which.
        var (category, area) = await DbAsync(async db => (
            await db.Categories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => c.Id).FirstAsync(),
            await db.ServiceAreas.Where(a => a.IsActive).OrderBy(a => a.SortOrder).Select(a => a.Id).FirstAsync()));
        return await SendAsync(null, new SubmitCase(kind, Channel.Web, category, area, subject, "上个月的电费是平时的三倍，请核实。",
            anonymous, anonymous ? null : name, phone, email, null, null, culture, []));
    }

    /// <summary>
    /// Acts on the case the way the staff commands do (those are written elsewhere): makes sure it is in
    /// progress in a department, runs <paramref name="act"/> as a member of its staff, stores the change
    /// and its domain events in one SaveChanges.
    /// </summary>
    public Task ActAsStaffAsync(Guid caseId, Action<Case, CaseParticipant, DateTimeOffset> act) =>
        ChangeAsync(caseId, async (db, @case, now) =>
        {
            var staff = new CaseParticipant(null, "客服专员", new HashSet<Actor> { Actor.Staff });
            if (@case.Status == CaseStatus.Submitted)
                @case.Route(await db.Departments.Where(d => !d.IsIntegrityOffice).OrderBy(d => d.SortOrder).FirstAsync(), Priority.Normal, CaseParticipant.System, now);
            if (@case.Status == CaseStatus.Assigned)
                @case.Accept(staff, now);
            act(@case, staff, now);
        });

    /// <summary>Acts on the case as the dispatcher (e.g. to mark it a duplicate), back from its department if it was routed.</summary>
    public Task ActAsDispatcherAsync(Guid caseId, Action<Case, CaseParticipant, DateTimeOffset> act) =>
        ChangeAsync(caseId, (_, @case, now) =>
        {
            if (@case.Status == CaseStatus.Assigned)
                @case.ReturnToDispatcher("测试：退回调度", new CaseParticipant(null, "客服专员", new HashSet<Actor> { Actor.Staff }), now);
            act(@case, new CaseParticipant(null, "调度员", new HashSet<Actor> { Actor.Dispatcher }), now);
            return Task.CompletedTask;
        });

    /// <summary>Loads the case with its timeline, runs <paramref name="change"/>, stores it and its domain events in one SaveChanges.</summary>
    private async Task ChangeAsync(Guid caseId, Func<Feedback.Domain.Data.FeedbackDbContext, Case, DateTimeOffset, Task> change)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Feedback.Domain.Data.FeedbackDbContext>();
        var @case = await db.Cases.Include(c => c.Events).SingleAsync(c => c.Id == caseId);
        var known = @case.Events.Select(e => e.Id).ToHashSet();
        var now = Clock.GetUtcNow();
        await change(db, @case, now);
        foreach (var entry in @case.Events.Where(e => !known.Contains(e.Id)))
            db.Entry(entry).State = EntityState.Added;
        db.MoveDomainEventsToOutbox(now);
        await db.SaveChangesAsync();
    }

    /// <summary>An account with the role, created here so these tests do not depend on the demo accounts.</summary>
    public async Task<string> EnsureUserAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Role>>();
        if (!await roles.RoleExistsAsync(role))
            await roles.CreateAsync(new Role(role));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Email Admin" };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, role));
        }
        return email;

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>A browser-like client signed in as <paramref name="email"/> (by header, see <see cref="HeaderSignIn"/>).</summary>
    public HttpClient CreateClientAs(string email)
    {
        var client = CreateBrowserClient();
        client.DefaultRequestHeaders.Add(TestUserHeader, email);
        return client;
    }

    /// <summary>Signs the request in as the user named in the test header; no header, no user.</summary>
    private sealed class HeaderSignIn(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "EmailTests";

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(TestUserHeader, out var email))
                return AuthenticateResult.NoResult();
            var users = Context.RequestServices.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync(email.ToString());
            if (user is null)
                return AuthenticateResult.Fail("No such user");
            var principal = await Context.RequestServices.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(principal.Identities.Select(i => new ClaimsIdentity(i.Claims, SchemeName))), SchemeName));
        }
    }
}
