using Feedback.Domain.Cases;

namespace Feedback.Domain.Routing;

/// <summary>
/// Routing as a pure function (DESIGN §3): case → department. Misconduct reports go to the Integrity
/// office whatever the rules say; otherwise the first enabled matching rule in order; otherwise triage.
/// </summary>
public static class Router
{
    public static RoutingDecision Route(RoutingInput input, IEnumerable<RoutingRule> rules, Guid? integrityOfficeId)
    {
        if (input.Kind == CaseKind.Report)
        {
            // Never to the department it accuses — if that is the Integrity office itself, a dispatcher decides.
            return integrityOfficeId is { } office && office != input.AccusedDepartmentId
                ? new RoutingDecision(office, Priority.High, null, "misconduct report → Integrity office")
                : new RoutingDecision(null, Priority.High, null, "misconduct report without an eligible Integrity office → triage");
        }

        foreach (var rule in rules.Where(r => r.IsEnabled).OrderBy(r => r.Order))
        {
            if (rule.Matches(input, out var why))
                return new RoutingDecision(rule.DepartmentId, rule.Priority, rule.Id, $"rule #{rule.Order} \"{rule.Name}\": {why}");
        }
        return new RoutingDecision(null, Priority.Normal, null, "no rule matched → triage");
    }
}
