using Feedback.Domain.Organisation.Setup;
using Feedback.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Tests.Routing;

/// <summary>Once admins manage the rules and policies, a restart must not bring the shipped ones back.</summary>
public sealed class RuleSeedingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly SqliteDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Seeding_DoesNotBringBackRulesOrPoliciesAnAdminDeletedOrRenamed()
    {
        var setup = OrganisationSetup.Load(ShippedSetup.Folder);
        await using (var db = _database.NewContext()) await setup.SeedAsync(db, Now);
        await using (var db = _database.NewContext())
        {
            var rules = await db.RoutingRules.OrderBy(r => r.Order).ToListAsync();
            db.RoutingRules.Remove(rules[0]);
            rules[1].Update("改名 Renamed", rules[1].DepartmentId, rules[1].Priority);
            db.SlaPolicies.Remove(await db.SlaPolicies.OrderBy(p => p.Order).FirstAsync());
            await db.SaveChangesAsync();
        }

        await using (var db = _database.NewContext())
        {
            var result = await setup.SeedAsync(db, Now.AddDays(1));
            Assert.Equal((0, 0), (result.RoutingRules, result.SlaPolicies));
        }

        await using var check = _database.NewContext();
        Assert.Equal(7, await check.RoutingRules.CountAsync());
        Assert.Equal(1, await check.RoutingRules.CountAsync(r => r.Name == "改名 Renamed"));
        Assert.Equal(5, await check.SlaPolicies.CountAsync());
    }
}
