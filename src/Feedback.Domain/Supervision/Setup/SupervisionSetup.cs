using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Setup;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Setup;

public sealed record ServicePointDefinition(string Code, string NameZh, string NameEn, ServicePointKind Kind, string AreaCode, string Address, int SortOrder);

public sealed record DimensionDefinition(string Code, string NameZh, string NameEn, int SortOrder);

/// <summary>
/// content/setup/supervision.json: the demo service points and the default review dimensions. Read like the
/// other setup files (every problem with its line) and seeded the same way: what is missing, by code.
/// </summary>
public sealed class SupervisionSetup
{
    public const string FileName = "supervision.json";

    private static readonly Dictionary<string, ServicePointKind> Kinds = new()
    {
        ["businessHall"] = ServicePointKind.BusinessHall,
        ["paymentPoint"] = ServicePointKind.PaymentPoint,
    };

    private SupervisionSetup(IReadOnlyList<ServicePointDefinition> servicePoints, IReadOnlyList<DimensionDefinition> dimensions)
    {
        ServicePoints = servicePoints;
        Dimensions = dimensions;
    }

    public IReadOnlyList<ServicePointDefinition> ServicePoints { get; }
    public IReadOnlyList<DimensionDefinition> Dimensions { get; }

    /// <summary>Reads the file; a missing file means nothing to seed, an invalid one stops the start-up.</summary>
    public static SupervisionSetup Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return new SupervisionSetup([], []);
        var errors = new List<SetupError>();
        var root = LineJson.Parse(File.ReadAllText(path), out var syntaxError);
        if (root is null)
            throw new OrganisationSetupException(folder, [SetupError.From(FileName, syntaxError!)]);

        var read = new JsonFieldReader();
        var points = new List<ServicePointDefinition>();
        var dimensions = new List<DimensionDefinition>();
        if (read.Object(root, "(file)") is { } obj)
        {
            read.OnlyKnown(obj, "servicePoints", "reviewDimensions");
            var order = 0;
            foreach (var entry in Entries(read, obj, "servicePoints"))
            {
                read.OnlyKnown(entry, "code", "nameZh", "nameEn", "kind", "area", "address");
                var code = Code(read, entry);
                var nameZh = read.String(entry, "nameZh", required: true, maxLength: OrganisationEntryRules.NameMaxLength);
                var nameEn = read.String(entry, "nameEn", required: true, maxLength: OrganisationEntryRules.NameMaxLength);
                var kindText = read.String(entry, "kind", required: true, maxLength: 40);
                var area = read.String(entry, "area", required: true, maxLength: OrganisationEntryRules.CodeMaxLength);
                var address = read.String(entry, "address", required: true, maxLength: ServicePoint.AddressMaxLength);
                ServicePointKind kind = default;
                if (kindText is not null && !Kinds.TryGetValue(kindText, out kind))
                    read.Add(entry.Find("kind")!.Line, DataFileErrors.UnknownValue, kindText, string.Join(", ", Kinds.Keys));
                if (code is not null && nameZh is not null && nameEn is not null && area is not null && address is not null)
                    points.Add(new ServicePointDefinition(code, nameZh, nameEn, kind, area, address, order += 10));
            }
            order = 0;
            foreach (var entry in Entries(read, obj, "reviewDimensions"))
            {
                read.OnlyKnown(entry, "code", "nameZh", "nameEn");
                var code = Code(read, entry);
                var nameZh = read.String(entry, "nameZh", required: true, maxLength: OrganisationEntryRules.NameMaxLength);
                var nameEn = read.String(entry, "nameEn", required: true, maxLength: OrganisationEntryRules.NameMaxLength);
                if (code is not null && nameZh is not null && nameEn is not null)
                    dimensions.Add(new DimensionDefinition(code, nameZh, nameEn, order += 10));
            }
            foreach (var duplicate in points.GroupBy(p => p.Code).Where(g => g.Count() > 1))
                read.Add(0, DataFileErrors.DuplicateCode, duplicate.Key);
            foreach (var duplicate in dimensions.GroupBy(d => d.Code).Where(g => g.Count() > 1))
                read.Add(0, DataFileErrors.DuplicateCode, duplicate.Key);
        }
        errors.AddRange(read.Errors.Select(e => SetupError.From(FileName, e)));
        if (errors.Count > 0) throw new OrganisationSetupException(folder, errors);
        return new SupervisionSetup(points, dimensions);
    }

    /// <summary>Adds the missing service points and dimensions (by code) and saves; an unknown area code stops the start-up.</summary>
    public async Task<int> SeedAsync(FeedbackDbContext db, string folder, CancellationToken cancellationToken = default)
    {
        var areas = await db.ServiceAreas.ToDictionaryAsync(a => a.Code, a => a.Id, cancellationToken);
        var unknown = ServicePoints.Where(p => !areas.ContainsKey(p.AreaCode)).ToList();
        if (unknown.Count > 0)
            throw new OrganisationSetupException(folder, unknown.Select(p => new SetupError(FileName, 0, DataFileErrors.UnknownArea, p.AreaCode)).ToList());

        var pointCodes = await db.ServicePoints.Select(p => p.Code).ToListAsync(cancellationToken);
        var dimensionCodes = await db.ReviewDimensions.Select(d => d.Code).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var p in ServicePoints.Where(p => !pointCodes.Contains(p.Code)))
        {
            db.ServicePoints.Add(new ServicePoint(p.Code, p.NameZh, p.NameEn, p.Kind, areas[p.AreaCode], p.Address, p.SortOrder));
            added++;
        }
        foreach (var d in Dimensions.Where(d => !dimensionCodes.Contains(d.Code)))
        {
            db.ReviewDimensions.Add(new ReviewDimension(d.Code, d.NameZh, d.NameEn, d.SortOrder));
            added++;
        }
        if (added > 0) await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private static IEnumerable<JsonObjectAt> Entries(JsonFieldReader read, JsonObjectAt root, string list)
    {
        if (read.Array(root, list, required: true) is not { } items) yield break;
        foreach (var item in items.Items)
            if (read.Object(item, list) is { } entry)
                yield return entry;
    }

    private static string? Code(JsonFieldReader read, JsonObjectAt entry)
    {
        var code = read.String(entry, "code", required: true, maxLength: 100);
        if (code is not null && !OrganisationEntryRules.IsValidCode(code))
        {
            read.Add(entry.Find("code")!.Line, DataFileErrors.BadCode, code);
            return null;
        }
        return code;
    }
}
