using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Sla;

namespace Feedback.Domain.Organisation.Setup;

/// <summary>
/// Reads and cross-checks the files of a content/setup folder. Collects every problem (file + line) rather
/// than stopping at the first; the result is complete only when <see cref="Errors"/> is empty.
/// </summary>
internal sealed partial class SetupFileReader
{
    public const string OrganisationFile = "organisation.json";
    public const string RoutingRulesFile = "routing-rules.json";
    public const string SlaPoliciesFile = "sla-policies.json";

    private readonly string _folder;
    private readonly List<SetupError> _errors = [];

    private SetupFileReader(string folder) => _folder = folder;

    public IReadOnlyList<SetupError> Errors => _errors;
    public List<DepartmentDefinition> Departments { get; } = [];
    public List<NamedDefinition> Categories { get; } = [];
    public List<NamedDefinition> ServiceAreas { get; } = [];
    public List<RoutingRuleDefinition> RoutingRules { get; } = [];
    public List<SlaPolicyDefinition> SlaPolicies { get; } = [];
    public List<CalendarDefinition> Calendars { get; } = [];

    public static SetupFileReader Read(string folder)
    {
        var reader = new SetupFileReader(folder);
        // Rules and policies are checked against the codes only when organisation.json itself is sound,
        // so that one typo there does not also show up as dozens of "unknown code" errors.
        var organisationIsSound = reader.ReadFile(OrganisationFile, reader.ReadOrganisation);
        reader.ReadFile(RoutingRulesFile, (read, root) => reader.ReadRoutingRules(read, root, organisationIsSound));
        reader.ReadFile(SlaPoliciesFile, (read, root) => reader.ReadSlaPolicies(read, root, organisationIsSound));
        reader.ReadCalendars();
        return reader;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^calendar-(\d{4})\.json$")]
    private static partial Regex CalendarFileName();

    /// <summary>Parses one file and hands its root object to <paramref name="read"/>; true when the file had no problems.</summary>
    private bool ReadFile(string file, Action<JsonFieldReader, JsonObjectAt> read)
    {
        var path = Path.Combine(_folder, file);
        if (!File.Exists(path))
        {
            _errors.Add(new SetupError(file, 0, DataFileErrors.MissingFile, file));
            return false;
        }
        var root = LineJson.Parse(File.ReadAllText(path), out var syntaxError);
        if (root is null)
        {
            _errors.Add(SetupError.From(file, syntaxError!));
            return false;
        }
        var fields = new JsonFieldReader();
        if (fields.Object(root, "(file)") is { } obj)
            read(fields, obj);
        _errors.AddRange(fields.Errors.Select(e => SetupError.From(file, e)));
        return fields.Errors.Count == 0;
    }

    private void ReadOrganisation(JsonFieldReader read, JsonObjectAt root)
    {
        read.OnlyKnown(root, "departments", "categories", "serviceAreas");
        foreach (var (entry, order) in Entries(read, root, "departments", required: true))
        {
            read.OnlyKnown(entry, "code", "nameZh", "nameEn", "isIntegrityOffice");
            if (ReadNamed(read, entry, order) is { } named)
                Departments.Add(new DepartmentDefinition(named.Code, named.NameZh, named.NameEn,
                    read.Boolean(entry, "isIntegrityOffice", required: false) ?? false, order));
        }
        foreach (var (entry, order) in Entries(read, root, "categories", required: true))
        {
            read.OnlyKnown(entry, "code", "nameZh", "nameEn");
            if (ReadNamed(read, entry, order) is { } named) Categories.Add(named);
        }
        foreach (var (entry, order) in Entries(read, root, "serviceAreas", required: true))
        {
            read.OnlyKnown(entry, "code", "nameZh", "nameEn", "areaType");
            // Optional (default urban) so older organisation files still read; an unknown word is an error
            // (reported by EnumValue, which fails the whole setup).
            var areaType = EnumValue<AreaType>(read, entry, "areaType");
            if (ReadNamed(read, entry, order) is { } named) ServiceAreas.Add(named with { AreaType = areaType ?? AreaType.Urban });
        }
        ReportDuplicateCodes(read, root, "departments");
        ReportDuplicateCodes(read, root, "categories");
        ReportDuplicateCodes(read, root, "serviceAreas");

        var offices = Departments.Where(d => d.IsIntegrityOffice).Select(d => d.Code).ToList();
        if (offices.Count == 0)
            read.Add(root.Find("departments")?.Line ?? root.Line, DataFileErrors.NoIntegrityOffice);
        else if (offices.Count > 1)
            read.Add(root.Find("departments")!.Line, DataFileErrors.SeveralIntegrityOffices, string.Join(", ", offices));
    }

    private static NamedDefinition? ReadNamed(JsonFieldReader read, JsonObjectAt entry, int order)
    {
        var code = read.String(entry, "code", required: true, maxLength: 100);
        var nameZh = read.String(entry, "nameZh", required: true, maxLength: 100);
        var nameEn = read.String(entry, "nameEn", required: true, maxLength: 100);
        if (code is not null && !CodePattern().IsMatch(code))
        {
            read.Add(entry.Find("code")!.Value.Line, DataFileErrors.BadCode, code);
            return null;
        }
        return code is null || nameZh is null || nameEn is null ? null : new NamedDefinition(code, nameZh, nameEn, order);
    }

    private static void ReportDuplicateCodes(JsonFieldReader read, JsonObjectAt root, string list)
    {
        var seen = new HashSet<string>();
        foreach (var (entry, _) in Entries(new JsonFieldReader(), root, list))
            if (entry.Find("code")?.Value is JsonStringAt code && !seen.Add(code.Value.Trim()))
                read.Add(code.Line, DataFileErrors.DuplicateCode, code.Value.Trim());
    }

    private void ReadRoutingRules(JsonFieldReader read, JsonObjectAt root, bool checkCodes)
    {
        read.OnlyKnown(root, "rules");
        var names = new HashSet<string>();
        foreach (var (entry, order) in Entries(read, root, "rules", required: true))
        {
            read.OnlyKnown(entry, "name", "nameEn", "enabled", "kinds", "categories", "areas", "channels", "keywords", "department", "priority");
            var name = ReadUniqueName(read, entry, names);
            var nameEn = read.String(entry, "nameEn", required: false, maxLength: 100);
            var enabled = read.Boolean(entry, "enabled", required: false) ?? true;
            var kinds = Enums<CaseKind>(read, entry, "kinds");
            var categories = Codes(read, entry, "categories", Categories, DataFileErrors.UnknownCategory, checkCodes);
            var areas = Codes(read, entry, "areas", ServiceAreas, DataFileErrors.UnknownArea, checkCodes);
            var channels = Enums<Channel>(read, entry, "channels");
            var keywords = read.Strings(entry, "keywords", maxLength: 50).Select(k => k.Value).ToList();
            var department = read.String(entry, "department", required: true, maxLength: 40);
            if (department is not null && checkCodes && Departments.All(d => d.Code != department))
            {
                read.Add(entry.Find("department")!.Value.Line, DataFileErrors.UnknownDepartment, department);
                department = null;
            }
            var priority = EnumValue<Priority>(read, entry, "priority") ?? Priority.Normal;
            if (name is not null && department is not null && kinds is not null && categories is not null && areas is not null && channels is not null)
                RoutingRules.Add(new RoutingRuleDefinition(name, order, enabled, kinds, categories, areas, channels, keywords, department, priority, nameEn));
        }
    }

    private void ReadSlaPolicies(JsonFieldReader read, JsonObjectAt root, bool checkCodes)
    {
        read.OnlyKnown(root, "policies");
        var names = new HashSet<string>();
        SlaPolicyDefinition? fallback = null;
        foreach (var (entry, order) in Entries(read, root, "policies", required: true))
        {
            read.OnlyKnown(entry, "name", "kinds", "categories", "priorities", "contactBy", "resolveBy");
            var name = ReadUniqueName(read, entry, names);
            var kinds = Enums<CaseKind>(read, entry, "kinds");
            var categories = Codes(read, entry, "categories", Categories, DataFileErrors.UnknownCategory, checkCodes);
            var priorities = Enums<Priority>(read, entry, "priorities");
            var contactBy = ReadTarget(read, entry, "contactBy");
            var resolveBy = ReadTarget(read, entry, "resolveBy");
            if (name is null || kinds is null || categories is null || priorities is null || contactBy is null || resolveBy is null)
                continue;
            var policy = new SlaPolicyDefinition(name, order, kinds, categories, priorities, contactBy, resolveBy);
            // SlaPolicy.Select tries every conditional policy before a fallback, so one listed after the
            // fallback would still work — but the file would no longer read in the order it is applied.
            if (fallback is not null)
                read.Add(entry.Line, DataFileErrors.UnreachablePolicy, name, fallback.Name);
            fallback ??= policy.IsFallback ? policy : null;
            SlaPolicies.Add(policy);
        }
        if (fallback is null && root.Find("policies") is { } list)
            read.Add(list.Line, DataFileErrors.NoFallbackPolicy);
    }

    private static SlaTarget? ReadTarget(JsonFieldReader read, JsonObjectAt entry, string name)
    {
        if (read.Object(entry, name, required: true) is not { } target) return null;
        read.OnlyKnown(target, "amount", "unit");
        var amount = read.Integer(target, "amount", required: true);
        if (amount is <= 0)
        {
            read.Add(target.Find("amount")!.Value.Line, DataFileErrors.BadTargetAmount, amount.Value);
            amount = null;
        }
        var unit = EnumValue<TargetUnit>(read, target, "unit", required: true);
        return amount is null || unit is null ? null : new SlaTarget(amount.Value, unit.Value);
    }

    private void ReadCalendars()
    {
        var files = Directory.Exists(_folder)
            ? Directory.GetFiles(_folder, "calendar-*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0)
            _errors.Add(new SetupError("calendar-YYYY.json", 0, DataFileErrors.NoCalendar));
        foreach (var file in files)
        {
            var match = CalendarFileName().Match(file!);
            if (!match.Success)
            {
                _errors.Add(new SetupError(file!, 0, DataFileErrors.BadCalendarFileName, file!));
                continue;
            }
            var content = File.ReadAllText(Path.Combine(_folder, file!));
            var parsed = CalendarFile.Parse(content);
            _errors.AddRange(parsed.Errors.Select(e => SetupError.From(file!, e)));
            if (parsed.Data is not { } data) continue;
            if (data.Year != int.Parse(match.Groups[1].Value))
                _errors.Add(new SetupError(file!, LineOf(content, "year"), DataFileErrors.CalendarYearMismatch, match.Groups[1].Value, data.Year));
            else if (Calendars.FirstOrDefault(c => !c.Data.TimeZone.HasSameRules(data.TimeZone)) is { } other)
                _errors.Add(new SetupError(file!, LineOf(content, "timeZone"), DataFileErrors.TimeZoneMismatch, data.Year, data.TimeZoneId, other.Data.Year, other.Data.TimeZoneId));
            else
                Calendars.Add(new CalendarDefinition(file!, content, data));
        }
    }

    /// <summary>The line of a top-level property in a file already known to parse.</summary>
    private static int LineOf(string content, string property) =>
        (LineJson.Parse(content, out _) as JsonObjectAt)?.Find(property)?.Line ?? 0;

    private static string? ReadUniqueName(JsonFieldReader read, JsonObjectAt entry, HashSet<string> names)
    {
        var name = read.String(entry, "name", required: true, maxLength: 100);
        if (name is not null && !names.Add(name))
        {
            read.Add(entry.Find("name")!.Value.Line, DataFileErrors.DuplicateName, name);
            return null;
        }
        return name;
    }

    /// <summary>The objects of a list, each with its position (1-based × 10, leaving room to insert between).</summary>
    private static IEnumerable<(JsonObjectAt Entry, int Order)> Entries(JsonFieldReader read, JsonObjectAt root, string list, bool required = false)
    {
        if (read.Array(root, list, required) is not { } items) yield break;
        var position = 0;
        foreach (var item in items.Items)
        {
            position++;
            if (read.Object(item, list) is { } entry)
                yield return (entry, position * 10);
        }
    }

    /// <summary>Codes of categories or areas; null when one is unknown (so the rule is not built half-right).</summary>
    private static List<string>? Codes(JsonFieldReader read, JsonObjectAt entry, string name, List<NamedDefinition> known, string unknownCode, bool check)
    {
        var result = new List<string>();
        foreach (var (code, line) in read.Strings(entry, name, maxLength: 40))
        {
            if (check && known.All(k => k.Code != code)) { read.Add(line, unknownCode, code); return null; }
            result.Add(code);
        }
        return result;
    }

    private static List<TEnum>? Enums<TEnum>(JsonFieldReader read, JsonObjectAt entry, string name) where TEnum : struct, Enum
    {
        var result = new List<TEnum>();
        var ok = true;
        foreach (var (text, line) in read.Strings(entry, name, maxLength: 40))
        {
            if (TryParseName<TEnum>(text, out var value)) result.Add(value);
            else { read.Add(line, DataFileErrors.UnknownValue, text, string.Join(", ", Enum.GetNames<TEnum>())); ok = false; }
        }
        return ok ? result : null;
    }

    private static TEnum? EnumValue<TEnum>(JsonFieldReader read, JsonObjectAt entry, string name, bool required = false) where TEnum : struct, Enum
    {
        if (read.String(entry, name, required, maxLength: 40) is not { } text) return null;
        if (TryParseName<TEnum>(text, out var value)) return value;
        read.Add(entry.Find(name)!.Value.Line, DataFileErrors.UnknownValue, text, string.Join(", ", Enum.GetNames<TEnum>()));
        return null;
    }

    /// <summary>By name only: Enum.TryParse would also take "3" or "1, 2".</summary>
    private static bool TryParseName<TEnum>(string text, out TEnum value) where TEnum : struct, Enum
    {
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<TEnum>(name);
        return name is not null;
    }
}
