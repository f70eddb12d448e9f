using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Foundation;

/// <summary>Every user-facing string exists in zh-CN and English.</summary>
public sealed partial class LocalisationTests
{
    private static readonly StringCatalog Catalog = new(typeof(StringCatalog).Assembly);

    [Fact]
    public void EveryAreaFile_HasTheSameKeysInBothLanguages()
    {
        var byArea = Catalog.Files.GroupBy(f => f.Area);
        foreach (var area in byArea)
        {
            var zh = area.Single(f => f.Culture == "zh-CN").Keys.ToHashSet();
            var en = area.Single(f => f.Culture == "en").Keys.ToHashSet();
            Assert.True(zh.SetEquals(en),
                $"{area.Key}: only in zh-CN: [{string.Join(", ", zh.Except(en))}]; only in en: [{string.Join(", ", en.Except(zh))}]");
        }
    }

    [Fact]
    public void NoText_IsEmpty()
    {
        foreach (var culture in StringCatalog.Cultures)
            foreach (var key in Catalog.Keys(culture))
                Assert.False(string.IsNullOrWhiteSpace(Catalog.Find(key, new System.Globalization.CultureInfo(culture))), $"{culture}: {key} is empty");
    }

    public static TheoryData<Type> LocalisedEnums => new()
    {
        typeof(CaseStatus), typeof(CaseKind), typeof(Channel), typeof(Priority), typeof(CaseAction), typeof(RejectionReason), typeof(Actor),
    };

    [Theory]
    [MemberData(nameof(LocalisedEnums))]
    public void EveryEnumValueShownToPeople_HasALabel(Type enumType)
    {
        foreach (var name in Enum.GetNames(enumType))
            Assert.Contains($"{enumType.Name}.{name}", Catalog.Keys("zh-CN"));
    }

    [GeneratedRegex(@"(?:\bL|localizer|Localizer|_localizer)\[\s*""([A-Za-z0-9_.\-]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"(?:DomainRuleException|ForbiddenException|NotFoundException|ValidationError)\((?:[^""()]*,\s*)?""([A-Za-z0-9_.\-]+)""")]
    private static partial Regex ErrorCode();

    // Target-typed validation errors: `new(nameof(Subject), "Validation.Required")`.
    [GeneratedRegex(@"new\((?:nameof\([^)]*\)|""[^""]*""|[A-Za-z_.]+),\s*""([A-Z][A-Za-z0-9]*\.[A-Za-z0-9_.\-]+)""")]
    private static partial Regex TargetTypedError();

    [Fact]
    public void EveryKeyUsedInPagesAndCode_Exists()
    {
        var src = Path.Combine(FeedbackApp.RepositoryRoot, "src");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations")))
        {
            var text = File.ReadAllText(file);
            foreach (var match in KeyUse().Matches(text).Concat(ErrorCode().Matches(text)).Concat(TargetTypedError().Matches(text)))
            {
                var key = match.Groups[1].Value;
                if (!Catalog.Keys("zh-CN").Contains(key))
                    missing.Add($"{Path.GetRelativePath(src, file)}: {key}");
            }
        }
        Assert.True(missing.Count == 0, "Keys without text:\n" + string.Join("\n", missing.Distinct()));
    }
}
