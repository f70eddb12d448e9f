using Feedback.Domain.Cases;

namespace Feedback.Domain.Routing;

/// <summary>
/// Routing as a pure function (DESIGN §3): case → department. Misconduct reports go to the Integrity
/// office whatever the rules say; otherwise the first enabled matching rule in order; otherwise triage.
/// </summary>
public static class Router
{
    public static RoutingDecision Route(RoutingInput input, IEnumerable<RoutingRule> rules, Guid? integrityOfficeId) =>
        Explain(input, rules, integrityOfficeId).Decision;

    /// <summary>
    /// The decision and how it was reached: each rule tried up to the one that matched, with the first
    /// condition that failed (or the keyword that hit). Disabled rules appear as skipped.
    /// </summary>
    public static RoutingTrace Explain(RoutingInput input, IEnumerable<RoutingRule> rules, Guid? integrityOfficeId)
    {
        if (input.Kind == CaseKind.Report)
        {
            // Never to the department it accuses — if that is the Integrity office itself, a dispatcher decides.
            return integrityOfficeId is { } office && office != input.AccusedDepartmentId
                ? new RoutingTrace(new RoutingDecision(office, Priority.High, null, "misconduct report → Integrity office"), RoutingOutcome.IntegrityOffice, [])
                : new RoutingTrace(new RoutingDecision(null, Priority.High, null, "misconduct report without an eligible Integrity office → triage"), RoutingOutcome.ReportToTriage, []);
        }

        var tried = new List<RuleTrace>();
        foreach (var rule in rules.OrderBy(r => r.Order))
        {
            if (!rule.IsEnabled)
            {
                tried.Add(new RuleTrace(rule, null));
                continue;
            }
            var check = rule.Check(input);
            tried.Add(new RuleTrace(rule, check));
            if (check.Matched)
                return new RoutingTrace(
                    new RoutingDecision(rule.DepartmentId, rule.Priority, rule.Id, $"rule #{rule.Order} \"{rule.Name}\": {check}"),
                    RoutingOutcome.Rule, tried);
        }
        return new RoutingTrace(new RoutingDecision(null, Priority.Normal, null, "no rule matched → triage"), RoutingOutcome.NoMatch, tried);
    }
}

public enum RoutingOutcome
{
    /// <summary>A misconduct report, sent to the Integrity office without looking at the rules.</summary>
    IntegrityOffice,
    /// <summary>A misconduct report with no Integrity office that may take it (none, or it is the one accused).</summary>
    ReportToTriage,
    /// <summary>A rule matched.</summary>
    Rule,
    /// <summary>No rule matched: the dispatcher's triage queue.</summary>
    NoMatch,
}

/// <param name="Check">Null when the rule is disabled and was skipped.</param>
public sealed record RuleTrace(RoutingRule Rule, RuleCheck? Check);

/// <param name="Rules">The rules in the order tried, ending with the one that matched; empty for a report.</param>
public sealed record RoutingTrace(RoutingDecision Decision, RoutingOutcome Outcome, IReadOnlyList<RuleTrace> Rules);
