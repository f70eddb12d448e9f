using Feedback.Domain.Common;

namespace Feedback.Domain.Supervision;

/// <summary>客户座谈会: a meeting with customers; each suggestion raised became a Suggestion case (channel Forum).</summary>
public sealed class Forum : Entity
{
    public const int PlaceMaxLength = 200;
    public const int MaxSuggestions = 20;
    public const int MaxCustomers = 10_000;

    private readonly List<ForumSuggestion> _suggestions = [];

    private Forum() { }

    public Forum(DateOnly heldOn, string place, Guid serviceAreaId, int customerCount, IEnumerable<Guid> supervisorUserIds,
        Guid recordedByUserId, DateTimeOffset now)
    {
        HeldOn = heldOn;
        Place = place.Trim();
        ServiceAreaId = serviceAreaId;
        CustomerCount = customerCount;
        SupervisorUserIds = supervisorUserIds.Append(recordedByUserId).Distinct().ToList();
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public DateOnly HeldOn { get; private set; }
    public string Place { get; private set; } = "";
    public Guid ServiceAreaId { get; private set; }
    public int CustomerCount { get; private set; }
    /// <summary>The supervisors who took part (the one who recorded it included).</summary>
    public List<Guid> SupervisorUserIds { get; private set; } = [];
    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public IReadOnlyList<ForumSuggestion> Suggestions => _suggestions;

    public void AddSuggestion(Guid caseId) => _suggestions.Add(new ForumSuggestion(Id, caseId));
}

public sealed class ForumSuggestion
{
    private ForumSuggestion() { }

    internal ForumSuggestion(Guid forumId, Guid caseId)
    {
        ForumId = forumId; CaseId = caseId;
    }

    public Guid ForumId { get; private set; }
    public Guid CaseId { get; private set; }
}
