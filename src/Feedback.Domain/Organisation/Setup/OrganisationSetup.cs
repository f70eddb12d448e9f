using Feedback.Domain.Data;
using Feedback.Domain.Routing;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Organisation.Setup;

/// <summary>
/// The organisation described by a content/setup folder (organisation.json, routing-rules.json,
/// sla-policies.json, calendar-YYYY.json), checked as a whole, and seeded into the database.
/// <para>From Program.cs, after migrating:</para>
/// <code>
/// var setup = OrganisationSetup.Load(Path.Combine(contentRoot, "content", "setup")); // throws OrganisationSetupException
/// await setup.SeedAsync(db, timeProvider.GetUtcNow());
/// app.Services.GetRequiredService&lt;WorkCalendarSource&gt;().Invalidate();
/// </code>
/// Seeding is idempotent: it adds what is missing — departments, categories and areas by code, calendars by
/// year, rules and policies only while their table is empty — and never edits or duplicates what an admin may
/// have changed. The one exception: a stored calendar year that is provisional is replaced by an official
/// (non-provisional) file.
/// </summary>
public sealed class OrganisationSetup
{
    private OrganisationSetup(SetupFileReader files)
    {
        Departments = files.Departments;
        Categories = files.Categories;
        ServiceAreas = files.ServiceAreas;
        RoutingRules = files.RoutingRules;
        SlaPolicies = files.SlaPolicies;
        Calendars = files.Calendars;
    }

    public IReadOnlyList<DepartmentDefinition> Departments { get; }
    public IReadOnlyList<NamedDefinition> Categories { get; }
    public IReadOnlyList<NamedDefinition> ServiceAreas { get; }
    public IReadOnlyList<RoutingRuleDefinition> RoutingRules { get; }
    public IReadOnlyList<SlaPolicyDefinition> SlaPolicies { get; }
    public IReadOnlyList<CalendarDefinition> Calendars { get; }

    /// <summary>Reads and checks every file in <paramref name="folder"/>; throws <see cref="OrganisationSetupException"/> listing all problems.</summary>
    public static OrganisationSetup Load(string folder)
    {
        var files = SetupFileReader.Read(folder);
        if (files.Errors.Count > 0) throw new OrganisationSetupException(folder, files.Errors);
        return new OrganisationSetup(files);
    }

    /// <summary>The problems in <paramref name="folder"/>, each naming file and line; empty when it is sound.</summary>
    public static IReadOnlyList<SetupError> Validate(string folder) => SetupFileReader.Read(folder).Errors;

    /// <summary>The working calendar the setup's calendar files describe.</summary>
    public WorkCalendar BuildCalendar() => CalendarFile.Build(Calendars.Select(c => c.Data));

    /// <summary>
    /// Adds what is missing to <paramref name="db"/> and saves once (not at all when nothing is missing).
    /// Run it outside a unit-of-work command: it calls SaveChanges itself.
    /// </summary>
    public async Task<SeedResult> SeedAsync(FeedbackDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, cancellationToken);
        var areas = await db.ServiceAreas.ToDictionaryAsync(a => a.Code, cancellationToken);
        // Only one Integrity office may exist: if an admin already named another, the seeded one is ordinary.
        var hasIntegrityOffice = departments.Values.Any(d => d.IsIntegrityOffice);

        var addedDepartments = AddMissing(db, departments, Departments, d => d.Code,
            d => new Department(d.Code, d.NameZh, d.NameEn, d.IsIntegrityOffice && !hasIntegrityOffice, d.SortOrder));
        var addedCategories = AddMissing(db, categories, Categories, c => c.Code, c => new Category(c.Code, c.NameZh, c.NameEn, c.SortOrder));
        var addedAreas = AddMissing(db, areas, ServiceAreas, a => a.Code, a => new ServiceArea(a.Code, a.NameZh, a.NameEn, a.SortOrder, a.AreaType));

        // Rules and policies are an ordered whole that admins edit (rename, reorder, delete): seeding them one by
        // one by name would bring back what an admin deleted or renamed. So only an empty table is filled.
        var addedRules = 0;
        foreach (var rule in await db.RoutingRules.AnyAsync(cancellationToken) ? [] : RoutingRules)
        {
            var entity = new RoutingRule(rule.Name, rule.Order, departments[rule.DepartmentCode].Id, rule.Priority, rule.NameEn).When(
                rule.Kinds,
                rule.CategoryCodes.Select(code => categories[code].Id),
                rule.AreaCodes.Select(code => areas[code].Id),
                rule.Channels,
                rule.Keywords);
            entity.Enable(rule.Enabled);
            db.RoutingRules.Add(entity);
            addedRules++;
        }

        var addedPolicies = 0;
        foreach (var policy in await db.SlaPolicies.AnyAsync(cancellationToken) ? [] : SlaPolicies)
        {
            db.SlaPolicies.Add(new SlaPolicy(policy.Name, policy.Order, policy.ContactBy, policy.ResolveBy)
                .When(policy.Kinds, policy.CategoryCodes.Select(code => categories[code].Id), policy.Priorities));
            addedPolicies++;
        }

        var years = await db.CalendarYears.ToDictionaryAsync(y => y.Year, cancellationToken);
        int addedYears = 0, replacedYears = 0;
        foreach (var calendar in Calendars)
        {
            var data = calendar.Data;
            if (!years.TryGetValue(data.Year, out var stored))
            {
                db.CalendarYears.Add(new CalendarYear(data.Year, calendar.Content, data.Provisional, data.Source, now));
                addedYears++;
            }
            else if (stored.IsProvisional && !data.Provisional)
            {
                stored.Replace(calendar.Content, provisional: false, data.Source, now);
                replacedYears++;
            }
        }

        var result = new SeedResult(addedDepartments, addedCategories, addedAreas, addedRules, addedPolicies, addedYears, replacedYears);
        if (result.Changes > 0)
            await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>Adds an entity for each code not yet in <paramref name="existing"/>, and records it there so later lookups find it.</summary>
    private static int AddMissing<TDefinition, TEntity>(FeedbackDbContext db, Dictionary<string, TEntity> existing,
        IEnumerable<TDefinition> wanted, Func<TDefinition, string> code, Func<TDefinition, TEntity> create)
        where TEntity : NamedEntity
    {
        var added = 0;
        foreach (var definition in wanted.Where(d => !existing.ContainsKey(code(d))))
        {
            var entity = create(definition);
            db.Add(entity);
            existing[entity.Code] = entity;
            added++;
        }
        return added;
    }
}

/// <summary>What one seeding run added (and which provisional calendar years it replaced).</summary>
public sealed record SeedResult(int Departments, int Categories, int ServiceAreas, int RoutingRules, int SlaPolicies, int CalendarYears, int CalendarYearsReplaced)
{
    public int Changes => Departments + Categories + ServiceAreas + RoutingRules + SlaPolicies + CalendarYears + CalendarYearsReplaced;
}
