using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Feedback.Domain.Supervision;
using Feedback.Domain.Supervision.Setup;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Supervision;

public static class SupervisionServices
{
    /// <summary>Policy names for the supervisor pages and the managers' report.</summary>
    public const string ServingSupervisor = nameof(ServingSupervisor);
    public const string SupervisorRole = nameof(SupervisorRole);
    public const string SupervisionReader = nameof(SupervisionReader);

    /// <summary>
    /// The supervisor programme: the page policies (a supervisor's pages need a term covering today, checked
    /// on every request, so rights end with the term without any job), the managers' report policy, and
    /// the seeder of content/setup/supervision.json.
    /// </summary>
    public static IServiceCollection AddFeedbackSupervision(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SupervisorRole, p => p.RequireRole(Roles.Supervisor))
            .AddPolicy(ServingSupervisor, p => p.RequireRole(Roles.Supervisor).AddRequirements(new ServingTermRequirement()))
            .AddPolicy(SupervisionReader, p => p.RequireRole(Roles.Admin, Roles.Dispatcher, Roles.DepartmentHead));
        services.AddScoped<IAuthorizationHandler, ServingTermHandler>();
        services.AddScoped<ISeeder, SupervisionSeeder>();
        services.Configure<RazorPagesOptions>(options =>
        {
            // Each page but the dashboard also asks for ServingSupervisor (attribute on its model): the dashboard
            // tells a supervisor whose term has ended that it has.
            options.Conventions.AuthorizeFolder("/Supervisor", SupervisorRole);
            options.Conventions.AuthorizeFolder("/Reports/Supervision", SupervisionReader);
        });
        return services;
    }
}

public sealed class ServingTermRequirement : IAuthorizationRequirement;

/// <summary>Succeeds when the signed-in supervisor serves a term today (organisation time zone, <see cref="TimeProvider"/>).</summary>
public sealed class ServingTermHandler(FeedbackDbContext db, WorkCalendarSource calendars, TimeProvider clock, ICurrentUser user)
    : AuthorizationHandler<ServingTermRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ServingTermRequirement requirement)
    {
        if (user.UserId is not { } id) return;
        var today = await SupervisorTerms.TodayAsync(db, calendars, clock, CancellationToken.None);
        if (await db.IsServingAsync(id, today, CancellationToken.None))
            context.Succeed(requirement);
    }
}

/// <summary>
/// Seeds the demo service points and the default review dimensions (after the organisation, whose areas they
/// name) and, with Demo:SeedAccounts, appoints the demo supervisor accounts for two years from today
/// (after the demo accounts seeder) so that the supervisor pages can be tried at once.
/// </summary>
public sealed class SupervisionSeeder(
    FeedbackDbContext db, FeedbackPaths paths, WorkCalendarSource calendars, TimeProvider clock, IConfiguration configuration,
    ILogger<SupervisionSeeder> logger) : ISeeder
{
    public int Order => 25;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var added = await SupervisionSetup.Load(paths.SetupPath).SeedAsync(db, paths.SetupPath, cancellationToken);
        logger.LogInformation("Supervision setup from {Folder}: {Added} added", paths.SetupPath, added);
        if (!configuration.GetValue("Demo:SeedAccounts", false)) return;

        var unappointed = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name == Roles.Supervisor && !db.Supervisors.Any(s => s.UserId == u.Id)
                select new { u.Id, u.DisplayName })
            .ToListAsync(cancellationToken);
        if (unappointed.Count == 0) return;
        var today = await SupervisorTerms.TodayAsync(db, calendars, clock, cancellationToken);
        var areas = await db.ServiceAreas.Where(a => a.IsActive).OrderBy(a => a.SortOrder).Select(a => a.Id).Take(2).ToListAsync(cancellationToken);
        foreach (var user in unappointed)
            db.Supervisors.Add(Domain.Supervision.Supervisor.Appoint(user.Id, user.DisplayName, "演示单位 Demo", areas,
                today.AddDays(-30), today.AddYears(2), null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
