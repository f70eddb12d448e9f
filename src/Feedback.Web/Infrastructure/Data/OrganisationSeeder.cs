using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Setup;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Web;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Loads the organisation from content/setup (departments, categories, areas, routing rules, SLA policies,
/// calendars) and adds what the database lacks. Invalid files stop the start-up with every problem listed
/// by file and line, rather than running with half an organisation.
/// </summary>
public sealed class OrganisationSeeder(
    FeedbackDbContext db,
    FeedbackPaths paths,
    OrganisationCache organisation,
    WorkCalendarSource calendars,
    TimeProvider clock,
    ILogger<OrganisationSeeder> logger) : ISeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var setup = OrganisationSetup.Load(paths.SetupPath);
        var result = await setup.SeedAsync(db, clock.GetUtcNow(), cancellationToken);
        organisation.Invalidate();
        calendars.Invalidate();
        logger.LogInformation("Organisation setup from {Folder}: {Result}", paths.SetupPath, result);
    }
}
