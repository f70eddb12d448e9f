using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Feedback.Web.Infrastructure.Localization;

/// <summary>
/// Every user-facing string, per culture, from the embedded files <c>Resources/{Area}.{culture}.json</c>
/// (flat objects: key → text, .NET format placeholders {0}). Areas are separate files so that people working
/// on different pages do not edit the same file; a test checks that zh-CN and en have exactly the same keys.
/// </summary>
public sealed class StringCatalog
{
    public const string DefaultCulture = "zh-CN";
    public static readonly string[] Cultures = [DefaultCulture, "en"];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;

    public StringCatalog() : this(typeof(StringCatalog).Assembly) { }

    public StringCatalog(Assembly assembly)
    {
        var byCulture = Cultures.ToDictionary(c => c, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        Files = [];
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal) && n.Contains(".Resources.")))
        {
            // Feedback.Web.Resources.Public.zh-CN.json → area "Public", culture "zh-CN"
            var parts = resource[(resource.IndexOf(".Resources.", StringComparison.Ordinal) + ".Resources.".Length)..^".json".Length];
            var dot = parts.IndexOf('.');
            var (area, culture) = (parts[..dot], parts[(dot + 1)..]);
            if (!byCulture.TryGetValue(culture, out var strings))
                throw new InvalidOperationException($"Resource {resource}: unknown culture '{culture}'.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Resource {resource} is empty.");
            foreach (var (key, text) in entries)
            {
                if (!strings.TryAdd(key, text))
                    throw new InvalidOperationException($"Resource {resource}: key '{key}' is defined in another area too.");
            }
            Files.Add((area, culture, entries.Keys.ToList()));
        }
        _byCulture = byCulture.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Which keys each area file defines (for the completeness test).</summary>
    public List<(string Area, string Culture, List<string> Keys)> Files { get; }

    public IReadOnlyCollection<string> Keys(string culture) => _byCulture[culture].Keys;

    public string? Find(string key, CultureInfo culture)
    {
        var name = NormaliseCulture(culture.Name);
        return _byCulture[name].TryGetValue(key, out var text) ? text : null;
    }

    /// <summary>Maps any request culture onto one we have (en-GB → en, zh-Hans → zh-CN, other → default).</summary>
    public static string NormaliseCulture(string? name) =>
        name is not null && name.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : DefaultCulture;
}
