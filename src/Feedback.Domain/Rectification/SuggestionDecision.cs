using Feedback.Domain.Cases;
using Feedback.Domain.Common;

namespace Feedback.Domain.Rectification;

public enum SuggestionVerdict { Adopted, PartlyAdopted, NotAdopted }

/// <summary>
/// What the department decided about a suggestion (采纳 / 部分采纳 / 不予采纳) and why. One per case; it may
/// be revised while the case is open. Reports count "suggestions adopted" by the month the case closed.
/// </summary>
public sealed class SuggestionDecision : Entity
{
    public const int ReasonMaxLength = 2000;

    private SuggestionDecision() { }

    public Guid CaseId { get; private set; }
    public SuggestionVerdict Verdict { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset DecidedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public string DecidedByName { get; private set; } = "";

    public static SuggestionDecision Decide(Case @case, SuggestionVerdict verdict, string reason, CaseParticipant by, DateTimeOffset now)
    {
        var decision = new SuggestionDecision { CaseId = @case.Id };
        decision.Revise(@case, verdict, reason, by, now);
        return decision;
    }

    public void Revise(Case @case, SuggestionVerdict verdict, string reason, CaseParticipant by, DateTimeOffset now)
    {
        if (@case.Kind != CaseKind.Suggestion)
            throw new DomainRuleException("Outcomes.Decision.OnlySuggestions");
        if (!by.IsHandler)
            throw new ForbiddenException("Outcomes.Rectification.HandlersOnly");
        if (!@case.IsOpen)
            throw new DomainRuleException("Outcomes.Rectification.CaseClosed");
        Verdict = verdict;
        Reason = reason.Trim();
        DecidedAt = now;
        DecidedByUserId = by.UserId;
        DecidedByName = by.Name;
        Raise(new SuggestionDecided(CaseId));
    }

    /// <summary>"Suggestions adopted" of DESIGN §5 are the adopted ones; partly adopted count separately.</summary>
    public bool IsAdopted => Verdict == SuggestionVerdict.Adopted;
}
