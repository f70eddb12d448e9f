namespace Feedback.Domain.Api;

/// <summary>
/// A citizen update that an Open311 client posted, by the client's own <c>update_id</c>: FixMyStreet sends its
/// comment's id with every POST servicerequestupdates and posts again when it did not hear back, so the same
/// id on the same request is the same update, answered with the timeline entry made the first time.
/// Holds no personal data (the client's id and ours), so retention leaves it alone.
/// </summary>
public sealed class Open311UpdateReceipt
{
    private Open311UpdateReceipt() { }

    public Open311UpdateReceipt(Guid caseId, string clientUpdateId, Guid eventId, DateTimeOffset receivedAt)
    {
        CaseId = caseId;
        ClientUpdateId = clientUpdateId;
        EventId = eventId;
        ReceivedAt = receivedAt;
    }

    public Guid CaseId { get; private set; }
    public string ClientUpdateId { get; private set; } = "";
    /// <summary>The timeline entry (<c>SubmitterMessage</c> or the answer) the update became: its id is our update_id.</summary>
    public Guid EventId { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
}
