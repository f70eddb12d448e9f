using Feedback.Domain.Cases;
using Feedback.Domain.Common;

namespace Feedback.Domain.Sla;

public enum TargetUnit { WorkingHours, WorkingDays }

/// <summary>A target such as "1 working day" or "4 working hours".</summary>
public sealed record SlaTarget(int Amount, TargetUnit Unit)
{
    public DateTimeOffset From(DateTimeOffset start, WorkCalendar calendar) => Unit switch
    {
        TargetUnit.WorkingHours => calendar.AddWorkingMinutes(start, Amount * 60L),
        _ => calendar.AddWorkingDays(start, Amount),
    };

    public long WorkingMinutes(WorkCalendar calendar) =>
        Unit == TargetUnit.WorkingHours ? Amount * 60L : Amount * calendar.StandardDayMinutes;
}

/// <summary>
/// 服务承诺时限: the deadlines a case is held to. Chosen by the first policy (in order) whose set conditions
/// hold; a policy without conditions is the fallback, used only when no conditional policy matches.
/// </summary>
public sealed class SlaPolicy : Entity
{
    private SlaPolicy() { }

    public SlaPolicy(string name, int order, SlaTarget contactBy, SlaTarget resolveBy)
    {
        Name = name;
        Order = order;
        ContactTarget = contactBy;
        ResolveTarget = resolveBy;
    }

    public string Name { get; private set; } = "";
    public int Order { get; private set; }
    public List<CaseKind> Kinds { get; private set; } = [];
    public List<Guid> CategoryIds { get; private set; } = [];
    public List<Priority> Priorities { get; private set; } = [];
    public SlaTarget ContactTarget { get; private set; } = new(1, TargetUnit.WorkingDays);
    public SlaTarget ResolveTarget { get; private set; } = new(5, TargetUnit.WorkingDays);

    public SlaPolicy When(IEnumerable<CaseKind>? kinds = null, IEnumerable<Guid>? categories = null, IEnumerable<Priority>? priorities = null)
    {
        Kinds = kinds?.Distinct().ToList() ?? [];
        CategoryIds = categories?.Distinct().ToList() ?? [];
        Priorities = priorities?.Distinct().ToList() ?? [];
        return this;
    }

    /// <summary>New targets apply to cases filed from now on; deadlines already set stay (docs/decisions/0005).</summary>
    public void SetTargets(SlaTarget contactBy, SlaTarget resolveBy)
    {
        ContactTarget = contactBy;
        ResolveTarget = resolveBy;
    }

    public bool IsFallback => Kinds.Count == 0 && CategoryIds.Count == 0 && Priorities.Count == 0;

    public bool Matches(CaseKind kind, Guid categoryId, Priority priority) =>
        (Kinds.Count == 0 || Kinds.Contains(kind))
        && (CategoryIds.Count == 0 || CategoryIds.Contains(categoryId))
        && (Priorities.Count == 0 || Priorities.Contains(priority));

    /// <summary>
    /// The first matching conditional policy in order, else the first fallback, else null. A fallback never
    /// shadows a conditional policy, even one an admin moved below it.
    /// </summary>
    public static SlaPolicy? Select(IEnumerable<SlaPolicy> policies, CaseKind kind, Guid categoryId, Priority priority)
    {
        var ordered = policies.OrderBy(p => p.Order).ToList();
        return ordered.FirstOrDefault(p => !p.IsFallback && p.Matches(kind, categoryId, priority))
            ?? ordered.FirstOrDefault(p => p.IsFallback);
    }

    public CaseDeadlines DeadlinesFrom(DateTimeOffset submittedAt, WorkCalendar calendar) =>
        new(ContactTarget.From(submittedAt, calendar), ResolveTarget.From(submittedAt, calendar), Id);
}
