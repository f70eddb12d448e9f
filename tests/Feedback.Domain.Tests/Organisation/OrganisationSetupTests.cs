using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Setup;
using Feedback.Domain.Routing;
using Feedback.Domain.Sla;
using Feedback.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Feedback.Domain.Tests.Organisation;

public class OrganisationSetupTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private readonly SqliteDatabase _database = new();
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        _database.Dispose();
        foreach (var folder in _folders) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void TheShippedSetup_IsValid()
    {
        Assert.Empty(OrganisationSetup.Validate(ShippedSetup.Folder));
        var setup = OrganisationSetup.Load(ShippedSetup.Folder);
        Assert.Equal(6, setup.Departments.Count);
        Assert.Equal("integrity-office", Assert.Single(setup.Departments, d => d.IsIntegrityOffice).Code);
        Assert.Equal(7, setup.Categories.Count);
        Assert.Equal(["滨城区", "惠民县", "阳信县", "无棣县", "沾化区", "博兴县", "邹平市"], setup.ServiceAreas.Select(a => a.NameZh));
        Assert.Equal(8, setup.RoutingRules.Count);
        Assert.True(setup.SlaPolicies[^1].IsFallback);
        Assert.Equal([2026, 2027], setup.Calendars.Select(c => c.Data.Year));
        Assert.Equal(450, setup.BuildCalendar().StandardDayMinutes);
    }

    [Fact]
    public async Task Seeding_AFreshDatabase_AddsEverything_WithOneSave()
    {
        var saves = new SaveCounter();
        await using (var db = _database.NewContext(saves))
        {
            var result = await OrganisationSetup.Load(ShippedSetup.Folder).SeedAsync(db, Now);
            Assert.Equal(new SeedResult(6, 7, 7, 8, 6, 2, 0), result);
        }
        Assert.Equal(1, saves.Count);

        await using var check = _database.NewContext();
        Assert.Equal(6, await check.Departments.CountAsync());
        Assert.Equal("integrity-office", (await check.Departments.SingleAsync(d => d.IsIntegrityOffice)).Code);
        Assert.Equal(7, await check.ServiceAreas.CountAsync());
        Assert.Equal(8, await check.RoutingRules.CountAsync());
        Assert.Equal(6, await check.SlaPolicies.CountAsync());
        var years = await check.CalendarYears.OrderBy(y => y.Year).ToListAsync();
        Assert.Equal([(2026, false), (2027, true)], years.Select(y => (y.Year, y.IsProvisional)));
        Assert.Equal(ShippedSetup.Read("calendar-2026.json"), years[0].Content);
        Assert.Equal(Now, years[0].LoadedAt);
    }

    [Fact]
    public async Task SeedingTwice_ChangesNothing_AndDoesNotSave()
    {
        var setup = OrganisationSetup.Load(ShippedSetup.Folder);
        await using (var db = _database.NewContext()) await setup.SeedAsync(db, Now);

        var saves = new SaveCounter();
        await using (var db = _database.NewContext(saves))
            Assert.Equal(0, (await setup.SeedAsync(db, Now.AddDays(1))).Changes);
        Assert.Equal(0, saves.Count);

        await using var check = _database.NewContext();
        Assert.Equal(6, await check.Departments.CountAsync());
        Assert.Equal(8, await check.RoutingRules.CountAsync());
        Assert.Equal(2, await check.CalendarYears.CountAsync());
    }

    [Fact]
    public async Task Seeding_KeepsWhatAnAdminChanged_AndAddsOnlyWhatIsMissing()
    {
        var setup = OrganisationSetup.Load(ShippedSetup.Folder);
        await using (var db = _database.NewContext()) await setup.SeedAsync(db, Now);
        await using (var db = _database.NewContext())
        {
            var billing = await db.Departments.SingleAsync(d => d.Code == "billing-centre");
            billing.Rename("电费中心", "Billing");
            db.Categories.Remove(await db.Categories.SingleAsync(c => c.Code == "other"));
            await db.SaveChangesAsync();
        }

        await using (var db = _database.NewContext())
            Assert.Equal(new SeedResult(0, 1, 0, 0, 0, 0, 0), await setup.SeedAsync(db, Now));

        await using var check = _database.NewContext();
        Assert.Equal("电费中心", (await check.Departments.SingleAsync(d => d.Code == "billing-centre")).NameZh);
        Assert.True(await check.Categories.AnyAsync(c => c.Code == "other"));
    }

    [Fact]
    public async Task AProvisionalStoredYear_IsReplacedByAnOfficialFile()
    {
        await using (var db = _database.NewContext()) await OrganisationSetup.Load(ShippedSetup.Folder).SeedAsync(db, Now);

        var folder = CopyOfShippedSetup();
        Edit(folder, "calendar-2027.json", "\"provisional\": true", "\"provisional\": false");
        await using (var db = _database.NewContext())
            Assert.Equal(1, (await OrganisationSetup.Load(folder).SeedAsync(db, Now.AddDays(30))).CalendarYearsReplaced);

        await using var check = _database.NewContext();
        var stored = await check.CalendarYears.SingleAsync(y => y.Year == 2027);
        Assert.False(stored.IsProvisional);
        Assert.Equal(Now.AddDays(30), stored.LoadedAt);
    }

    [Fact]
    public async Task TheSeededRules_RouteAsTheDemoIntends()
    {
        await using (var seed = _database.NewContext()) await OrganisationSetup.Load(ShippedSetup.Folder).SeedAsync(seed, Now);
        await using var db = _database.NewContext();
        var departments = await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Code);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id);
        var area = (await db.ServiceAreas.FirstAsync()).Id;
        var rules = await db.RoutingRules.ToListAsync();
        var integrity = (await db.Departments.SingleAsync(d => d.IsIntegrityOffice)).Id;

        (string? Department, Priority Priority) Route(CaseKind kind, string category, string subject = "问题")
        {
            var decision = Router.Route(new RoutingInput(kind, Channel.Web, categories[category], area, subject, ""), rules, integrity);
            return (decision.DepartmentId is { } id ? departments[id] : null, decision.Priority);
        }

        Assert.Equal(("billing-centre", Priority.Normal), Route(CaseKind.Complaint, "billing"));
        Assert.Equal(("metering-centre", Priority.Normal), Route(CaseKind.Complaint, "metering"));
        Assert.Equal(("new-connections", Priority.Normal), Route(CaseKind.Complaint, "new-connection"));
        Assert.Equal(("operations", Priority.High), Route(CaseKind.Complaint, "outage"));
        Assert.Equal(("service-centre", Priority.Normal), Route(CaseKind.Complaint, "conduct"));
        Assert.Equal(("service-centre", Priority.Normal), Route(CaseKind.Complaint, "designated-contractors"));
        Assert.Equal(("service-centre", Priority.Normal), Route(CaseKind.Praise, "billing"));
        Assert.Equal(("service-centre", Priority.Normal), Route(CaseKind.Suggestion, "other"));
        Assert.Equal(("operations", Priority.High), Route(CaseKind.Complaint, "other", "昨晚小区停电"));
        Assert.Equal(("operations", Priority.High), Route(CaseKind.Complaint, "other", "Power Outage again"));
        Assert.Equal(("integrity-office", Priority.High), Route(CaseKind.Report, "billing"));
        Assert.Equal((null, Priority.Normal), Route(CaseKind.Complaint, "other"));

        var policies = await db.SlaPolicies.ToListAsync();
        Assert.Equal("紧急停电 Urgent or high-priority outage", SlaPolicy.Select(policies, CaseKind.Complaint, categories["outage"], Priority.High)!.Name);
        Assert.Equal("投诉 Complaint", SlaPolicy.Select(policies, CaseKind.Complaint, categories["billing"], Priority.Normal)!.Name);
        Assert.Equal("默认 Fallback", SlaPolicy.Select(policies, CaseKind.SupervisionFinding, categories["billing"], Priority.Normal)!.Name);
    }

    // —— broken files: every problem names its file and line ——

    [Fact]
    public void AnUnknownDepartmentInARule_NamesFileAndLine()
    {
        var folder = CopyOfShippedSetup();
        var line = Edit(folder, "routing-rules.json", "\"department\": \"billing-centre\"", "\"department\": \"billing-center\"");
        var error = Assert.Single(OrganisationSetup.Validate(folder));
        Assert.Equal(new SetupError("routing-rules.json", line, DataFileErrors.UnknownDepartment, "billing-center"), error, SetupErrorComparer.Instance);

        var thrown = Assert.Throws<OrganisationSetupException>(() => OrganisationSetup.Load(folder));
        Assert.Contains($"routing-rules.json line {line}: no department has the code 'billing-center'", thrown.Message);
    }

    [Fact]
    public void ABadCalendarDate_NamesTheCalendarFileAndLine()
    {
        var folder = CopyOfShippedSetup();
        var line = Edit(folder, "calendar-2026.json", "\"from\": \"2026-02-15\"", "\"from\": \"2026-02-30\"");
        var error = Assert.Single(OrganisationSetup.Validate(folder));
        Assert.Equal(("calendar-2026.json", line, DataFileErrors.BadDate), (error.File, error.Line, error.Code));
        Assert.Equal("calendar-2026.json line " + line + ": '2026-02-30' is not a date (yyyy-MM-dd)", error.ToString());
        Assert.Equal($"“2026-02-30”不是日期（yyyy-MM-dd）", error.Message("zh-CN"));
    }

    [Fact]
    public void InvalidJson_NamesFileAndLine()
    {
        var folder = CopyOfShippedSetup();
        var line = Edit(folder, "sla-policies.json", "\"kinds\": [\"Complaint\"],", "\"kinds\": [\"Complaint\"]");
        var error = Assert.Single(OrganisationSetup.Validate(folder));
        Assert.Equal(("sla-policies.json", DataFileErrors.InvalidJson), (error.File, error.Code));
        Assert.Equal(line + 1, error.Line); // the reader notices at the next property
    }

    [Fact]
    public async Task ServiceAreas_CarryTheirAreaType_AndAnUnknownTypeIsReported()
    {
        var setup = OrganisationSetup.Load(ShippedSetup.Folder);
        Assert.Equal(AreaType.Urban, setup.ServiceAreas.Single(a => a.Code == "bincheng").AreaType);
        Assert.Equal(AreaType.Rural, setup.ServiceAreas.Single(a => a.Code == "huimin").AreaType);
        Assert.Equal(AreaType.Remote, setup.ServiceAreas.Single(a => a.Code == "wudi").AreaType);
        await using (var db = _database.NewContext()) await setup.SeedAsync(db, Now);
        await using (var check = _database.NewContext())
            Assert.Equal(AreaType.Remote, (await check.ServiceAreas.SingleAsync(a => a.Code == "wudi")).AreaType);

        var folder = CopyOfShippedSetup();
        var bad = Edit(folder, "organisation.json", "\"areaType\": \"remote\"", "\"areaType\": \"island\"");
        Assert.Equal([("organisation.json", bad, DataFileErrors.UnknownValue)],
            OrganisationSetup.Validate(folder).Select(e => (e.File, e.Line, e.Code)));
    }

    [Fact]
    public void EveryProblemInEveryFile_IsListed()
    {
        var folder = CopyOfShippedSetup();
        var noOffice = Edit(folder, "organisation.json", ", \"isIntegrityOffice\": true", "");
        var dupe = Edit(folder, "organisation.json", "\"code\": \"wudi\"", "\"code\": \"huimin\"");
        var badKind = Edit(folder, "routing-rules.json", "\"kinds\": [\"Praise\"]", "\"kinds\": [\"Compliment\"]");
        var badUnit = Edit(folder, "sla-policies.json", "\"amount\": 2, \"unit\": \"WorkingHours\"", "\"amount\": 2, \"unit\": \"Hours\"");
        var badZero = Edit(folder, "sla-policies.json", "\"amount\": 10, \"unit\": \"WorkingDays\" }\n    },\n    {\n      \"name\": \"建议",
            "\"amount\": 0, \"unit\": \"WorkingDays\" }\n    },\n    {\n      \"name\": \"建议");
        var badZone = Edit(folder, "calendar-2027.json", "\"timeZone\": \"Asia/Shanghai\"", "\"timeZone\": \"Asia/Beijing\"");

        var errors = OrganisationSetup.Validate(folder).Select(e => (e.File, e.Line, e.Code)).ToList();
        Assert.Contains(("organisation.json", LineOf(folder, "organisation.json", "\"departments\""), DataFileErrors.NoIntegrityOffice), errors);
        Assert.Contains(("organisation.json", dupe, DataFileErrors.DuplicateCode), errors);
        Assert.Contains(("routing-rules.json", badKind, DataFileErrors.UnknownValue), errors);
        Assert.Contains(("sla-policies.json", badUnit, DataFileErrors.UnknownValue), errors);
        Assert.Contains(("sla-policies.json", badZero, DataFileErrors.BadTargetAmount), errors);
        Assert.Contains(("calendar-2027.json", badZone, DataFileErrors.UnknownTimeZone), errors);
        Assert.Equal(6, errors.Count);
        Assert.True(noOffice > 0);
    }

    [Fact]
    public void UnknownCategoryAndArea_AreReportedWhereTheyAreUsed()
    {
        var folder = CopyOfShippedSetup();
        var category = Edit(folder, "sla-policies.json", "\"categories\": [\"outage\"]", "\"categories\": [\"outages\"]");
        var area = Edit(folder, "routing-rules.json", "\"kinds\": [\"Suggestion\"]", "\"kinds\": [\"Suggestion\"], \"areas\": [\"jinan\"]");
        var errors = OrganisationSetup.Validate(folder).Select(e => (e.File, e.Line, e.Code)).Order().ToList();
        Assert.Equal([("routing-rules.json", area, DataFileErrors.UnknownArea), ("sla-policies.json", category, DataFileErrors.UnknownCategory)], errors);
    }

    [Fact]
    public void APolicyAfterTheFallback_AndAMissingFallback_AreReported()
    {
        var folder = CopyOfShippedSetup();
        var text = File.ReadAllText(Path.Combine(folder, "sla-policies.json"));
        File.WriteAllText(Path.Combine(folder, "sla-policies.json"), text.Replace("\"name\": \"默认 Fallback\",", "\"name\": \"默认 Fallback\", \"kinds\": [\"Praise\"],"));
        Assert.Equal(DataFileErrors.NoFallbackPolicy, Assert.Single(OrganisationSetup.Validate(folder)).Code);

        File.WriteAllText(Path.Combine(folder, "sla-policies.json"), text.Replace("\"kinds\": [\"Praise\"],\n", ""));
        var error = Assert.Single(OrganisationSetup.Validate(folder));
        Assert.Equal(DataFileErrors.UnreachablePolicy, error.Code);
        Assert.Equal(["默认 Fallback", "表扬 Praise"], error.Args);
    }

    [Fact]
    public void MissingFilesAndMisnamedCalendars_AreReported()
    {
        var folder = CopyOfShippedSetup();
        File.Delete(Path.Combine(folder, "routing-rules.json"));
        File.Move(Path.Combine(folder, "calendar-2027.json"), Path.Combine(folder, "calendar-2028.json"));
        File.Copy(Path.Combine(folder, "calendar-2026.json"), Path.Combine(folder, "calendar-next.json"));
        var errors = OrganisationSetup.Validate(folder).Select(e => (e.File, e.Code)).Order().ToList();
        Assert.Equal([("calendar-2028.json", DataFileErrors.CalendarYearMismatch), ("calendar-next.json", DataFileErrors.BadCalendarFileName),
            ("routing-rules.json", DataFileErrors.MissingFile)], errors);
    }

    [Fact]
    public void CalendarsInDifferentTimeZones_AreRefused()
    {
        var folder = CopyOfShippedSetup();
        var line = Edit(folder, "calendar-2027.json", "\"timeZone\": \"Asia/Shanghai\"", "\"timeZone\": \"Asia/Tokyo\"");
        var error = Assert.Single(OrganisationSetup.Validate(folder));
        Assert.Equal(("calendar-2027.json", line, DataFileErrors.TimeZoneMismatch), (error.File, error.Line, error.Code));
    }

    [Fact]
    public void AnEmptyFolder_ListsEveryMissingFile()
    {
        var folder = Directory.CreateTempSubdirectory("feedback-setup-").FullName;
        _folders.Add(folder);
        Assert.Equal(4, OrganisationSetup.Validate(folder).Count);
    }

    private string CopyOfShippedSetup()
    {
        var folder = Directory.CreateTempSubdirectory("feedback-setup-").FullName;
        _folders.Add(folder);
        foreach (var file in Directory.GetFiles(ShippedSetup.Folder))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    /// <summary>Replaces the one occurrence of <paramref name="find"/> and returns the 1-based line where it was.</summary>
    private static int Edit(string folder, string file, string find, string replace)
    {
        var path = Path.Combine(folder, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(find, at + 1, StringComparison.Ordinal) < 0, $"'{find}' must occur once in {file}");
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);
        return text[..at].Count(c => c == '\n') + 1;
    }

    private static int LineOf(string folder, string file, string find)
    {
        var text = File.ReadAllText(Path.Combine(folder, file));
        return text[..text.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
    }

    private sealed class SaveCounter : SaveChangesInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Interlocked.Increment(ref Count);
            return base.SavingChanges(eventData, result);
        }
    }

    /// <summary>Records with object[] compare by reference; compare the arguments by value.</summary>
    private sealed class SetupErrorComparer : IEqualityComparer<SetupError>
    {
        public static readonly SetupErrorComparer Instance = new();
        public bool Equals(SetupError? x, SetupError? y) =>
            x is not null && y is not null && (x.File, x.Line, x.Code) == (y.File, y.Line, y.Code) && x.Args.SequenceEqual(y.Args);
        public int GetHashCode(SetupError obj) => HashCode.Combine(obj.File, obj.Line, obj.Code);
    }
}
