using Feedback.Domain.Common;

namespace Feedback.Domain.Supervision;

/// <summary>
/// 行风监督员: an outside person appointed for a term (聘期). Rights come from a term that covers today
/// (see <see cref="IsServingOn"/>), never from the role alone, so they end by themselves when the term does.
/// Every appointment is kept as a <see cref="SupervisorTerm"/>.
/// </summary>
public sealed class Supervisor : Entity
{
    public const int AffiliationMaxLength = 200;
    /// <summary>A term longer than this is almost certainly a typo in the year.</summary>
    public const int MaxTermYears = 5;

    private readonly List<SupervisorTerm> _terms = [];

    private Supervisor() { }

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string Affiliation { get; private set; } = "";
    /// <summary>The service areas the supervisor covers.</summary>
    public List<Guid> ServiceAreaIds { get; private set; } = [];
    /// <summary>The latest term, copied here so that lists and reports need no join over the history.</summary>
    public DateOnly TermStartsOn { get; private set; }
    public DateOnly TermEndsOn { get; private set; }

    public IReadOnlyList<SupervisorTerm> Terms => _terms;

    public static Supervisor Appoint(Guid userId, string name, string affiliation, IEnumerable<Guid> areaIds,
        DateOnly startsOn, DateOnly endsOn, Guid? appointedBy, DateTimeOffset now)
    {
        var supervisor = new Supervisor
        {
            UserId = userId,
            Name = name.Trim(),
            Affiliation = affiliation.Trim(),
            ServiceAreaIds = areaIds.Distinct().ToList(),
        };
        supervisor.AddTerm(startsOn, endsOn, appointedBy, now);
        return supervisor;
    }

    public bool IsServingOn(DateOnly day) => _terms.Any(t => t.Covers(day));

    /// <summary>
    /// Reappointment extends the appointment: a new term from the day after the latest one ends (or from
    /// today, after a gap) until <paramref name="endsOn"/>. The earlier terms stay as they were.
    /// </summary>
    public SupervisorTerm Reappoint(DateOnly endsOn, DateOnly today, Guid? appointedBy, DateTimeOffset now)
    {
        var next = TermEndsOn.AddDays(1);
        var startsOn = next > today ? next : today;
        return AddTerm(startsOn, endsOn, appointedBy, now);
    }

    public void Update(string affiliation, IEnumerable<Guid> areaIds)
    {
        Affiliation = affiliation.Trim();
        ServiceAreaIds = areaIds.Distinct().ToList();
    }

    private SupervisorTerm AddTerm(DateOnly startsOn, DateOnly endsOn, Guid? appointedBy, DateTimeOffset now)
    {
        if (endsOn < startsOn)
            throw new ValidationException([new("EndsOn", "Supervision.Term.EndsBeforeStart")]);
        if (endsOn > startsOn.AddYears(MaxTermYears))
            throw new ValidationException([new("EndsOn", "Supervision.Term.TooLong", MaxTermYears)]);
        var term = new SupervisorTerm(Id, startsOn, endsOn, appointedBy, now);
        _terms.Add(term);
        TermStartsOn = startsOn;
        TermEndsOn = endsOn;
        return term;
    }
}

/// <summary>One appointment (聘期), first or renewed; inclusive dates in the organisation's time zone.</summary>
public sealed class SupervisorTerm
{
    private SupervisorTerm() { }

    internal SupervisorTerm(Guid supervisorId, DateOnly startsOn, DateOnly endsOn, Guid? appointedBy, DateTimeOffset appointedAt)
    {
        SupervisorId = supervisorId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        AppointedByUserId = appointedBy;
        AppointedAt = appointedAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SupervisorId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public Guid? AppointedByUserId { get; private set; }
    public DateTimeOffset AppointedAt { get; private set; }

    public bool Covers(DateOnly day) => StartsOn <= day && day <= EndsOn;
}
