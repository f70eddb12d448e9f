using Feedback.Domain.Data;

namespace Feedback.Domain.Cases.Queries;

public static class SubmitterVisibleAttachments
{
    /// <summary>
    /// The attachments a submitter sees: those whose "attachment added" line on the timeline is public (their
    /// own files, and a dispatcher's for a caller), not the evidence staff attached for internal use.
    /// <see cref="Case.AddAttachment"/> writes that line with the same instant and file name.
    /// </summary>
    public static IQueryable<CaseAttachment> VisibleToSubmitter(this IQueryable<CaseAttachment> attachments, FeedbackDbContext db) =>
        attachments.Where(a => db.CaseEvents.Any(e =>
            e.CaseId == a.CaseId && e.Type == CaseEventType.AttachmentAdded && e.IsPublic && e.At == a.UploadedAt && e.Text == a.FileName));
}
