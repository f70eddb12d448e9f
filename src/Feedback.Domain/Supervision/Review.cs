using Feedback.Domain.Common;

namespace Feedback.Domain.Supervision;

public enum ReviewTarget { ServicePoint, Department, Area }

/// <summary>
/// 监督评议: a supervisor's structured review of a service point, a department or an area. Its findings
/// are ordinary cases (kind SupervisionFinding) linked through <see cref="ReviewFinding"/>.
/// </summary>
public sealed class Review : Entity
{
    public const int CommentsMaxLength = 5000;
    public const int MinScore = 1;
    public const int MaxScore = 5;
    public const int MaxFindings = 10;

    private readonly List<ReviewScore> _scores = [];
    private readonly List<ReviewFinding> _findings = [];
    private readonly List<ReviewPhoto> _photos = [];

    private Review() { }

    public Review(Guid supervisorUserId, ReviewTarget target, Guid? servicePointId, Guid? departmentId, Guid serviceAreaId,
        DateOnly visitedOn, string? comments, IEnumerable<(Guid DimensionId, int Score)> scores, DateTimeOffset now)
    {
        SupervisorUserId = supervisorUserId;
        Target = target;
        ServicePointId = target == ReviewTarget.ServicePoint ? servicePointId : null;
        DepartmentId = target == ReviewTarget.Department ? departmentId : null;
        ServiceAreaId = serviceAreaId;
        VisitedOn = visitedOn;
        VisitMonth = MonthOf(visitedOn);
        Comments = string.IsNullOrWhiteSpace(comments) ? null : comments.Trim();
        SubmittedAt = now;
        foreach (var (dimension, score) in scores)
            _scores.Add(new ReviewScore(Id, dimension, score));
    }

    public Guid SupervisorUserId { get; private set; }
    public ReviewTarget Target { get; private set; }
    public Guid? ServicePointId { get; private set; }
    public Guid? DepartmentId { get; private set; }
    /// <summary>The area visited: the service point's, the area reviewed, or the one named for a department.</summary>
    public Guid ServiceAreaId { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    /// <summary>yyyyMM of the visit: reports group scores by month without date functions in SQL.</summary>
    public int VisitMonth { get; private set; }
    public string? Comments { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    public IReadOnlyList<ReviewScore> Scores => _scores;
    public IReadOnlyList<ReviewFinding> Findings => _findings;
    public IReadOnlyList<ReviewPhoto> Photos => _photos;

    public static int MonthOf(DateOnly day) => day.Year * 100 + day.Month;

    public void AddFinding(Guid caseId) => _findings.Add(new ReviewFinding(Id, caseId, SupervisorUserId));

    public void AddPhoto(string fileName, string contentType, long sizeBytes, string storageKey) =>
        _photos.Add(new ReviewPhoto(Id, fileName, contentType, sizeBytes, storageKey));
}

public sealed class ReviewScore
{
    private ReviewScore() { }

    internal ReviewScore(Guid reviewId, Guid dimensionId, int score)
    {
        ReviewId = reviewId; DimensionId = dimensionId; Score = score;
    }

    public Guid ReviewId { get; private set; }
    public Guid DimensionId { get; private set; }
    public int Score { get; private set; }
}

/// <summary>A finding of a review: the case it became. The supervisor is copied so activity counts need no join.</summary>
public sealed class ReviewFinding
{
    private ReviewFinding() { }

    internal ReviewFinding(Guid reviewId, Guid caseId, Guid supervisorUserId)
    {
        ReviewId = reviewId; CaseId = caseId; SupervisorUserId = supervisorUserId;
    }

    public Guid ReviewId { get; private set; }
    public Guid CaseId { get; private set; }
    public Guid SupervisorUserId { get; private set; }
}

public sealed class ReviewPhoto
{
    private ReviewPhoto() { }

    internal ReviewPhoto(Guid reviewId, string fileName, string contentType, long sizeBytes, string storageKey)
    {
        ReviewId = reviewId; FileName = fileName; ContentType = contentType; SizeBytes = sizeBytes; StorageKey = storageKey;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReviewId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
}
