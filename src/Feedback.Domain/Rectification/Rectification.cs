using Feedback.Domain.Cases;
using Feedback.Domain.Common;

namespace Feedback.Domain.Rectification;

public enum MeasureStatus { Planned, InProgress, Done }

/// <summary>
/// 整改: what a department found and changed because of a case — the root cause and the measures taken,
/// each with an owner (staff of the handling department), a due date, evidence and a completion note.
/// Its own aggregate, one per case (keyed by <see cref="CaseId"/>), so the case itself stays about the lifecycle.
/// </summary>
public sealed class CaseRectification : Entity
{
    public const int RootCauseMaxLength = 2000;
    public const int MaxMeasures = 20;

    private readonly List<RectificationMeasure> _measures = [];

    private CaseRectification() { }

    public Guid CaseId { get; private set; }
    public Guid DepartmentId { get; private set; }
    public string RootCause { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? RecordedByUserId { get; private set; }
    public string RecordedByName { get; private set; } = "";

    public IReadOnlyList<RectificationMeasure> Measures => _measures;

    /// <summary>Done measures ÷ all measures, in whole percent (0 with no measures yet).</summary>
    public int ProgressPercent => Progress(_measures.Count, _measures.Count(m => m.Status == MeasureStatus.Done));

    public static int Progress(int measures, int done) => measures == 0 ? 0 : done * 100 / measures;

    /// <summary>Only rectification-worthy kinds: a complaint, a supervision finding or a misconduct report.</summary>
    public static bool AppliesTo(CaseKind kind) => kind is CaseKind.Complaint or CaseKind.SupervisionFinding or CaseKind.Report;

    public static CaseRectification Record(Case @case, string rootCause, CaseParticipant by, DateTimeOffset now)
    {
        EnsureMayChange(@case, by);
        if (!AppliesTo(@case.Kind))
            throw new DomainRuleException("Outcomes.Rectification.NotForKind", @case.Kind);
        return new CaseRectification
        {
            CaseId = @case.Id,
            DepartmentId = @case.DepartmentId!.Value,
            RootCause = rootCause.Trim(),
            RecordedAt = now,
            UpdatedAt = now,
            RecordedByUserId = by.UserId,
            RecordedByName = by.Name,
        };
    }

    public void ReviseRootCause(Case @case, string rootCause, CaseParticipant by, DateTimeOffset now)
    {
        EnsureMayChange(@case, by);
        RootCause = rootCause.Trim();
        UpdatedAt = now;
    }

    /// <param name="dueAt">The end of the due day in the organisation's time zone.</param>
    public RectificationMeasure AddMeasure(Case @case, string description, Guid ownerUserId, string ownerName, DateOnly dueOn, DateTimeOffset dueAt,
        CaseParticipant by, DateTimeOffset now)
    {
        EnsureMayChange(@case, by);
        if (_measures.Count >= MaxMeasures)
            throw new DomainRuleException("Outcomes.Measure.TooMany", MaxMeasures);
        if (dueAt <= now)
            throw new DomainRuleException("Outcomes.Measure.DueInPast");
        var measure = new RectificationMeasure(Id, description.Trim(), ownerUserId, ownerName, dueOn, dueAt, now);
        _measures.Add(measure);
        UpdatedAt = now;
        return measure;
    }

    public void StartMeasure(Case @case, Guid measureId, CaseParticipant by, DateTimeOffset now)
    {
        EnsureMayChange(@case, by);
        Measure(measureId).Start(now);
        UpdatedAt = now;
    }

    public void CompleteMeasure(Case @case, Guid measureId, string note, CaseParticipant by, DateTimeOffset now)
    {
        EnsureMayChange(@case, by);
        Measure(measureId).Complete(note.Trim(), now);
        UpdatedAt = now;
    }

    public MeasureEvidence AddEvidence(Case @case, Guid measureId, string fileName, string contentType, long sizeBytes, string storageKey,
        CaseParticipant by, DateTimeOffset now)
    {
        EnsureMayChange(@case, by);
        var evidence = Measure(measureId).AddEvidence(fileName, contentType, sizeBytes, storageKey, by.UserId, now);
        UpdatedAt = now;
        return evidence;
    }

    /// <summary>
    /// Warns once about each measure that passed its due date undone (the background scan calls this):
    /// puts it on the case's internal timeline and raises <see cref="MeasureOverdue"/> for the owner and
    /// the department head. Returns how many.
    /// </summary>
    public int WarnOverdue(Case @case, DateTimeOffset now)
    {
        if (@case.Id != CaseId)
            throw new ArgumentException("Not the case of this rectification.", nameof(@case));
        var warned = 0;
        foreach (var measure in _measures.Where(m => m.WarnAt is { } at && at <= now))
        {
            measure.MarkWarned(now);
            @case.RecordMeasureOverdue(measure.Description, now);
            Raise(new MeasureOverdue(CaseId, measure.Id));
            warned++;
        }
        return warned;
    }

    public RectificationMeasure Measure(Guid measureId) =>
        _measures.FirstOrDefault(m => m.Id == measureId) ?? throw new NotFoundException("Outcomes.Measure.NotFound");

    /// <summary>Only the handling department changes the record, and only while the case is open.</summary>
    private static void EnsureMayChange(Case @case, CaseParticipant by)
    {
        if (!by.IsHandler)
            throw new ForbiddenException("Outcomes.Rectification.HandlersOnly");
        if (!@case.IsOpen || @case.DepartmentId is null)
            throw new DomainRuleException("Outcomes.Rectification.CaseClosed");
    }
}

/// <summary>One 整改措施: what will be done, by whom, by when; done with a note and evidence.</summary>
public sealed class RectificationMeasure
{
    public const int DescriptionMaxLength = 1000;
    public const int NoteMaxLength = 2000;
    public const int MaxEvidence = 5;

    private readonly List<MeasureEvidence> _evidence = [];

    private RectificationMeasure() { }

    internal RectificationMeasure(Guid rectificationId, string description, Guid ownerUserId, string ownerName, DateOnly dueOn, DateTimeOffset dueAt, DateTimeOffset now)
    {
        RectificationId = rectificationId;
        Description = description;
        OwnerUserId = ownerUserId;
        OwnerName = ownerName;
        DueOn = dueOn;
        DueAt = dueAt;
        WarnAt = dueAt;
        CreatedAt = now;
        Status = MeasureStatus.Planned;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid RectificationId { get; private set; }
    public string Description { get; private set; } = "";
    public Guid OwnerUserId { get; private set; }
    public string OwnerName { get; private set; } = "";
    /// <summary>The due day as staff entered it (local date); <see cref="DueAt"/> is its end as an instant.</summary>
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public MeasureStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletionNote { get; private set; }
    /// <summary>When the overdue warning is due: the due instant while undone and unwarned, otherwise null (the scan's index).</summary>
    public DateTimeOffset? WarnAt { get; private set; }
    public DateTimeOffset? OverdueWarnedAt { get; private set; }

    public IReadOnlyList<MeasureEvidence> Evidence => _evidence;

    public bool IsOverdue(DateTimeOffset now) => Status != MeasureStatus.Done && DueAt <= now;

    internal void Start(DateTimeOffset now)
    {
        if (Status != MeasureStatus.Planned)
            throw new DomainRuleException("Outcomes.Measure.NotPlanned");
        Status = MeasureStatus.InProgress;
        StartedAt = now;
    }

    internal void Complete(string note, DateTimeOffset now)
    {
        if (Status == MeasureStatus.Done)
            throw new DomainRuleException("Outcomes.Measure.AlreadyDone");
        Status = MeasureStatus.Done;
        StartedAt ??= now;
        CompletedAt = now;
        CompletionNote = note;
        WarnAt = null;
    }

    internal MeasureEvidence AddEvidence(string fileName, string contentType, long sizeBytes, string storageKey, Guid? by, DateTimeOffset now)
    {
        if (_evidence.Count >= MaxEvidence)
            throw new DomainRuleException("Outcomes.Measure.TooMuchEvidence", MaxEvidence);
        var evidence = new MeasureEvidence(Id, fileName, contentType, sizeBytes, storageKey, by, now);
        _evidence.Add(evidence);
        return evidence;
    }

    internal void MarkWarned(DateTimeOffset now)
    {
        WarnAt = null;
        OverdueWarnedAt = now;
    }
}

/// <summary>A file showing a measure was carried out; bytes in the attachment store, like case attachments.</summary>
public sealed class MeasureEvidence
{
    private MeasureEvidence() { }

    internal MeasureEvidence(Guid measureId, string fileName, string contentType, long sizeBytes, string storageKey, Guid? uploadedBy, DateTimeOffset at)
    {
        MeasureId = measureId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        UploadedByUserId = uploadedBy;
        UploadedAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid MeasureId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public Guid? UploadedByUserId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
