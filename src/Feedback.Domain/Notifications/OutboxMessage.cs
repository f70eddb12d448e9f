namespace Feedback.Domain.Notifications;

/// <summary>
/// A domain event waiting to be published to its handlers (transactional outbox). Written by the unit of
/// work in the same transaction as the change; processed in order by the outbox processor.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(string type, string payload, DateTimeOffset occurredAt)
    {
        Type = type;
        Payload = payload;
        OccurredAt = occurredAt;
        NextAttemptAt = occurredAt;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    /// <summary>The event's CLR type name (namespace-qualified, without assembly).</summary>
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    public void MarkProcessed(DateTimeOffset at) { ProcessedAt = at; LastError = null; }

    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + Backoff.After(Attempts);
    }
}

/// <summary>Exponential backoff shared by the outbox and the email dispatcher: 30 s, 1 min, 2 min … capped at 1 h.</summary>
public static class Backoff
{
    public static TimeSpan After(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
