using Feedback.Domain.Cases;
using Feedback.Domain.Common;

namespace Feedback.Domain.Routing;

/// <summary>
/// 派单规则: one row of the ordered rule list. Every condition that is set must hold (an empty list is
/// "any"); within a list any one value is enough. The first enabled rule that matches decides.
/// </summary>
public sealed class RoutingRule : Entity
{
    private RoutingRule() { }

    public RoutingRule(string name, int order, Guid departmentId, Priority priority)
    {
        Name = name;
        Order = order;
        DepartmentId = departmentId;
        Priority = priority;
    }

    public string Name { get; private set; } = "";
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

    public void Update(string name, Guid departmentId, Priority priority)
    {
        Name = name;
        DepartmentId = departmentId;
        Priority = priority;
    }

    public void MoveTo(int order) => Order = order;
    public void Enable(bool enabled) => IsEnabled = enabled;

    /// <summary>Does this rule take the case? <paramref name="why"/> says which conditions held or which failed.</summary>
    public bool Matches(RoutingInput input, out string why)
    {
        if (Kinds.Count > 0 && !Kinds.Contains(input.Kind)) { why = $"kind {input.Kind} not in [{string.Join(", ", Kinds)}]"; return false; }
        if (CategoryIds.Count > 0 && !CategoryIds.Contains(input.CategoryId)) { why = "category not in the rule's categories"; return false; }
        if (AreaIds.Count > 0 && !AreaIds.Contains(input.ServiceAreaId)) { why = "area not in the rule's areas"; return false; }
        if (Channels.Count > 0 && !Channels.Contains(input.Channel)) { why = $"channel {input.Channel} not in [{string.Join(", ", Channels)}]"; return false; }
        if (Keywords.Count > 0)
        {
            var hit = Keywords.FirstOrDefault(k =>
                input.Subject.Contains(k, StringComparison.OrdinalIgnoreCase) || input.Description.Contains(k, StringComparison.OrdinalIgnoreCase));
            if (hit is null) { why = "none of the keywords appear"; return false; }
            why = $"keyword \"{hit}\"";
            return true;
        }
        why = "all conditions hold";
        return true;
    }
}

/// <summary>What the router looks at.</summary>
public sealed record RoutingInput(CaseKind Kind, Channel Channel, Guid CategoryId, Guid ServiceAreaId, string Subject, string Description, Guid? AccusedDepartmentId = null);

/// <param name="DepartmentId">Null: no rule matched, the case goes to the dispatcher's triage queue.</param>
public sealed record RoutingDecision(Guid? DepartmentId, Priority Priority, Guid? RuleId, string Explanation);
