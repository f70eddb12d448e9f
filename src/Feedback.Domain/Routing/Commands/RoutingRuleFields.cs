using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Routing.Commands;

/// <summary>
/// What an admin sets on a rule (adding or editing). A rule needs at least one condition, unless
/// <paramref name="CatchAll"/> says on purpose that it takes every case that reaches it: a rule left blank by
/// mistake would otherwise swallow every case below it, triage included (docs/decisions/0008).
/// </summary>
public sealed record RoutingRuleFields(
    string Name,
    IReadOnlyList<CaseKind> Kinds,
    IReadOnlyList<Guid> CategoryIds,
    IReadOnlyList<Guid> AreaIds,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<string> Keywords,
    Guid DepartmentId,
    Priority Priority,
    bool CatchAll = false,
    string? NameEn = null)
{
    private IReadOnlyList<string> CleanKeywords => Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).ToList();

    public bool HasConditions => Kinds.Count + CategoryIds.Count + AreaIds.Count + Channels.Count + CleanKeywords.Count > 0;

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Required(Name, nameof(Name), RoutingRule.NameMaxLength)) yield return e;
        foreach (var e in Check.Optional(NameEn?.Trim(), nameof(NameEn), RoutingRule.NameMaxLength)) yield return e;
        if (Kinds.Any(k => !Enum.IsDefined(k))) yield return new(nameof(Kinds), "Validation.Invalid");
        if (Channels.Any(c => !Enum.IsDefined(c))) yield return new(nameof(Channels), "Validation.Invalid");
        if (CategoryIds.Contains(Guid.Empty)) yield return new(nameof(CategoryIds), "Validation.Invalid");
        if (AreaIds.Contains(Guid.Empty)) yield return new(nameof(AreaIds), "Validation.Invalid");
        foreach (var e in Check.Defined(Priority, nameof(Priority))) yield return e;
        foreach (var e in Check.NotEmpty(DepartmentId, nameof(DepartmentId))) yield return e;

        var keywords = CleanKeywords;
        if (keywords.Count > RoutingRule.MaxKeywords)
            yield return new(nameof(Keywords), "Routing.Rule.TooManyKeywords", RoutingRule.MaxKeywords);
        foreach (var keyword in keywords.Where(k => k.Length > RoutingRule.KeywordMaxLength))
            yield return new(nameof(Keywords), "Routing.Rule.KeywordTooLong", keyword, RoutingRule.KeywordMaxLength);

        if (!HasConditions && !CatchAll)
            yield return new(nameof(CatchAll), "Routing.Rule.NoConditions");
    }

    /// <summary>The department must exist and be active; the categories and areas must exist.</summary>
    internal async Task CheckReferencesAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationError>();
        if (!await db.Departments.AnyAsync(d => d.Id == DepartmentId && d.IsActive, cancellationToken))
            errors.Add(new(nameof(DepartmentId), "Routing.Rule.UnknownDepartment"));
        var categories = CategoryIds.Distinct().ToList();
        if (await db.Categories.CountAsync(c => categories.Contains(c.Id), cancellationToken) != categories.Count)
            errors.Add(new(nameof(CategoryIds), "Routing.Rule.UnknownCategory"));
        var areas = AreaIds.Distinct().ToList();
        if (await db.ServiceAreas.CountAsync(a => areas.Contains(a.Id), cancellationToken) != areas.Count)
            errors.Add(new(nameof(AreaIds), "Routing.Rule.UnknownArea"));
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    internal void ApplyTo(RoutingRule rule)
    {
        rule.Update(Name, DepartmentId, Priority, NameEn);
        rule.When(Kinds, CategoryIds, AreaIds, Channels, Keywords);
    }
}

/// <summary>The rule list as a whole: always numbered 1…n, so "move up" and "move down" mean what they say.</summary>
internal static class RuleList
{
    /// <summary>Every rule, tracked, in order (ties, which only old data can have, in creation order).</summary>
    public static Task<List<RoutingRule>> LoadAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        db.RoutingRules.OrderBy(r => r.Order).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    public static void Renumber(IReadOnlyList<RoutingRule> rules)
    {
        for (var i = 0; i < rules.Count; i++)
            if (rules[i].Order != i + 1)
                rules[i].MoveTo(i + 1);
    }

    public static RoutingRule Find(IEnumerable<RoutingRule> rules, Guid id) =>
        rules.FirstOrDefault(r => r.Id == id) ?? throw new NotFoundException();

    /// <summary>
    /// Routing reads rules from <see cref="Organisation.OrganisationCache"/>: forget it once the change is
    /// saved (not before, or a filing in between could cache the old rules again).
    /// </summary>
    public static void InvalidateAfterSave(this FeedbackDbContext db, Organisation.OrganisationCache organisation) =>
        db.SavedChanges += (_, _) => organisation.Invalidate();
}
