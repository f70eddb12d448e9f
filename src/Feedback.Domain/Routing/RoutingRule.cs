using Feedback.Domain.Cases;
using Feedback.Domain.Common;

namespace Feedback.Domain.Routing;

/// <summary>
/// 派单规则: one row of the ordered rule list. Every condition that is set must hold (an empty list is
/// "any"); within a list any one value is enough. The first enabled rule that matches decides.
/// </summary>
public sealed class RoutingRule : Entity
{
    public const int NameMaxLength = 100;
    public const int KeywordMaxLength = 50;
    public const int MaxKeywords = 50;

    private RoutingRule() { }

    public RoutingRule(string name, int order, Guid departmentId, Priority priority, string? nameEn = null)
    {
        Name = name.Trim();
        NameEn = Clean(nameEn);
        Order = order;
        DepartmentId = departmentId;
        Priority = priority;
    }

    /// <summary>The name in the default language (zh-CN), as the admin typed it.</summary>
    public string Name { get; private set; } = "";
    /// <summary>The English name; null when the admin gave none (English pages then show <see cref="Name"/>).</summary>
    public string? NameEn { get; private set; }
    public int Order { get; private set; }
    public bool IsEnabled { get; private set; } = true;
    public List<CaseKind> Kinds { get; private set; } = [];
    public List<Guid> CategoryIds { get; private set; } = [];
    public List<Guid> AreaIds { get; private set; } = [];
    public List<Channel> Channels { get; private set; } = [];
    /// <summary>Any of these words in the subject or description (case-insensitive; Chinese or English).</summary>
    public List<string> Keywords { get; private set; } = [];
    public Guid DepartmentId { get; private set; }
    public Priority Priority { get; private set; }

    /// <summary>A rule without conditions takes every case that reaches it (a catch-all).</summary>
    public bool HasConditions => Kinds.Count + CategoryIds.Count + AreaIds.Count + Channels.Count + Keywords.Count > 0;

    public RoutingRule When(IEnumerable<CaseKind>? kinds = null, IEnumerable<Guid>? categories = null,
        IEnumerable<Guid>? areas = null, IEnumerable<Channel>? channels = null, IEnumerable<string>? keywords = null)
    {
        Kinds = kinds?.Distinct().ToList() ?? [];
        CategoryIds = categories?.Distinct().ToList() ?? [];
        AreaIds = areas?.Distinct().ToList() ?? [];
        Channels = channels?.Distinct().ToList() ?? [];
        Keywords = keywords?.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        return this;
    }

    /// <summary>The name shown to a reader of <paramref name="culture"/>.</summary>
    public string NameIn(string culture) =>
        culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) && NameEn is { } english ? english : Name;

    public void Update(string name, Guid departmentId, Priority priority, string? nameEn = null)
    {
        Name = name.Trim();
        NameEn = Clean(nameEn);
        DepartmentId = departmentId;
        Priority = priority;
    }

    public void MoveTo(int order) => Order = order;

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    public void Enable(bool enabled) => IsEnabled = enabled;

    /// <summary>Does this rule take the case? Conditions are checked in the order of <see cref="RoutingCondition"/>.</summary>
    public RuleCheck Check(RoutingInput input)
    {
        if (Kinds.Count > 0 && !Kinds.Contains(input.Kind)) return RuleCheck.FailedOn(RoutingCondition.Kind);
        if (CategoryIds.Count > 0 && !CategoryIds.Contains(input.CategoryId)) return RuleCheck.FailedOn(RoutingCondition.Category);
        if (AreaIds.Count > 0 && !AreaIds.Contains(input.ServiceAreaId)) return RuleCheck.FailedOn(RoutingCondition.Area);
        if (Channels.Count > 0 && !Channels.Contains(input.Channel)) return RuleCheck.FailedOn(RoutingCondition.Channel);
        if (Keywords.Count == 0) return RuleCheck.Match(null);
        var hit = Keywords.FirstOrDefault(k =>
            input.Subject.Contains(k, StringComparison.OrdinalIgnoreCase) || input.Description.Contains(k, StringComparison.OrdinalIgnoreCase));
        return hit is null ? RuleCheck.FailedOn(RoutingCondition.Keywords) : RuleCheck.Match(hit);
    }

    /// <summary>
    /// Keywords as an admin types them in one field: separated by commas (, ，), enumeration commas (、),
    /// semicolons (; ；) or new lines; blanks and repeats dropped.
    /// </summary>
    public static IReadOnlyList<string> ParseKeywords(string? text) =>
        (text ?? "").Split([',', '，', '、', ';', '；', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}

/// <summary>The conditions a rule may set, in the order <see cref="RoutingRule.Check"/> tries them.</summary>
public enum RoutingCondition { Kind, Category, Area, Channel, Keywords }

/// <summary>How one rule judged one case: it matched (on <see cref="Keyword"/>, when it has keywords) or the first condition that failed.</summary>
public sealed record RuleCheck(bool Matched, RoutingCondition? FailedCondition, string? Keyword)
{
    public static RuleCheck Match(string? keyword) => new(true, null, keyword);
    public static RuleCheck FailedOn(RoutingCondition condition) => new(false, condition, null);

    /// <summary>Plain English for logs; people see the localised text the admin page builds from the fields.</summary>
    public override string ToString() =>
        Matched ? Keyword is null ? "all conditions hold" : $"keyword \"{Keyword}\"" : $"{FailedCondition} does not match";
}

/// <summary>What the router looks at.</summary>
public sealed record RoutingInput(CaseKind Kind, Channel Channel, Guid CategoryId, Guid ServiceAreaId, string Subject, string Description, Guid? AccusedDepartmentId = null);

/// <param name="DepartmentId">Null: no rule matched, the case goes to the dispatcher's triage queue.</param>
public sealed record RoutingDecision(Guid? DepartmentId, Priority Priority, Guid? RuleId, string Explanation);
