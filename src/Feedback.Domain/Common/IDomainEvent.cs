using Mediator;

namespace Feedback.Domain.Common;

/// <summary>
/// Something that happened in the domain. The unit of work stores each one in the outbox in the same
/// transaction as the change that raised it; the outbox processor later publishes it to its handlers.
/// Events are serialised, so keep them to ids and plain values.
/// </summary>
public interface IDomainEvent : INotification;
