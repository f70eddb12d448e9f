using Feedback.Domain.Common;

namespace Feedback.Domain.Rectification;

/// <summary>A measure passed its due date undone: its owner and the department head are told (once).</summary>
public sealed record MeasureOverdue(Guid CaseId, Guid MeasureId) : IDomainEvent;

/// <summary>A suggestion was decided on (or the decision revised): the submitter is told.</summary>
public sealed record SuggestionDecided(Guid CaseId) : IDomainEvent;
