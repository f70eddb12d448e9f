using Feedback.Domain.Common;

namespace Feedback.Domain.Cases;

/// <param name="AccessPin">
/// The plain PIN, needed once for the acknowledgement email. It lives in the outbox row until that email is
/// rendered; the case itself keeps only a hash.
/// </param>
public sealed record CaseSubmitted(Guid CaseId, string AccessPin) : IDomainEvent;

public sealed record CaseStatusChanged(Guid CaseId, Guid EventId, CaseAction Action, CaseStatus From, CaseStatus To) : IDomainEvent;

public sealed record PublicReplyPosted(Guid CaseId, Guid EventId) : IDomainEvent;

/// <summary>The submitter wrote to the case (<paramref name="EventId"/>: the timeline entry, a message or the answer to a question).</summary>
public sealed record SubmitterMessageAdded(Guid CaseId, Guid EventId) : IDomainEvent;
