using Feedback.Domain.Common;

namespace Feedback.Domain.Cases;

/// <summary>
/// A person (or the system) together with every capacity they hold on one particular case. Built by
/// <see cref="CaseAccess"/>; an empty set of capacities means the person may not even see the case.
/// </summary>
public sealed record CaseParticipant(Guid? UserId, string Name, IReadOnlySet<Actor> Capacities)
{
    public static readonly CaseParticipant System = new(null, "System", new HashSet<Actor> { Actor.System });

    public bool CanSee => Capacities.Count > 0;
    public bool Is(Actor capacity) => Capacities.Contains(capacity);
    /// <summary>Handles the case: its department's staff or head.</summary>
    public bool IsHandler => Is(Actor.Staff) || Is(Actor.DepartmentHead);

    /// <summary>The capacity in which this participant takes <paramref name="transition"/>, or throws.</summary>
    internal CaseActor ActingFor(Transition transition)
    {
        foreach (var capacity in Capacities)
            if (transition.By.Contains(capacity))
                return new CaseActor(UserId, Name, capacity);
        throw new ForbiddenException("Case.ActorNotAllowed");
    }

    /// <summary>The capacity shown on the timeline for actions outside the transition table (notes, replies).</summary>
    internal CaseActor Principal()
    {
        foreach (var capacity in (Actor[])[Actor.DepartmentHead, Actor.Staff, Actor.Dispatcher, Actor.Submitter, Actor.System])
            if (Capacities.Contains(capacity))
                return new CaseActor(UserId, Name, capacity);
        throw new ForbiddenException();
    }
}
