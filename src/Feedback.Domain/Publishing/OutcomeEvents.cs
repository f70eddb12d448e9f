using Feedback.Domain.Common;

namespace Feedback.Domain.Publishing;

/// <summary>A notice waits for approval: the head(s) of its department are told.</summary>
public sealed record OutcomeSubmittedForApproval(Guid CaseId, Guid OutcomeId) : IDomainEvent;

/// <summary>The head sent the notice back (the history entry holds the reason): its drafters are told.</summary>
public sealed record OutcomeReturned(Guid CaseId, Guid OutcomeId, Guid HistoryEntryId) : IDomainEvent;

/// <summary>The head approved the notice, which is public from now: its drafters are told.</summary>
public sealed record OutcomeApproved(Guid CaseId, Guid OutcomeId) : IDomainEvent;
