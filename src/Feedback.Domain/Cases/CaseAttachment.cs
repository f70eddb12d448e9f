namespace Feedback.Domain.Cases;

/// <summary>
/// A file attached to a case (image or PDF). The bytes live in the attachment store outside wwwroot under
/// <see cref="StorageKey"/>; only people who may see the case may download it.
/// </summary>
public sealed class CaseAttachment
{
    private CaseAttachment() { }

    internal CaseAttachment(Guid caseId, string fileName, string contentType, long sizeBytes, string storageKey, Guid? uploadedBy, DateTimeOffset at)
    {
        CaseId = caseId;
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
        UploadedByUserId = uploadedBy;
        UploadedAt = at;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CaseId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = "";
    public Guid? UploadedByUserId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}
