namespace Feedback.Domain.Common;

/// <summary>
/// Base for aggregates and entities. Ids are version-7 GUIDs: generated in memory (no round trip before
/// the unit of work saves) and time-ordered, so inserts stay at the end of the primary-key index.
/// </summary>
public abstract class Entity
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public Guid Id { get; protected set; } = Guid.CreateVersion7();

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();
}
