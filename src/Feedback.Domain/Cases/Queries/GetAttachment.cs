using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>
/// What the download endpoint needs to stream an attachment, for those who may see it: the handling
/// department and the service centre (every attachment), the submitter (signed in or with the PIN; their
/// own and public ones). Anyone else is told it does not exist.
/// </summary>
public sealed record GetAttachment(Guid AttachmentId, SubmitterProof Proof) : IQuery<AttachmentDownload>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

public sealed record AttachmentDownload(Guid Id, Guid CaseId, string FileName, string ContentType, long SizeBytes, string StorageKey);

public sealed class GetAttachmentHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<GetAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(GetAttachment query, CancellationToken cancellationToken)
    {
        var found = await db.CaseAttachments.AsNoTracking()
            .Where(a => a.Id == query.AttachmentId)
            .Join(db.Cases, a => a.CaseId, c => c.Id, (a, c) => new
            {
                Download = new AttachmentDownload(a.Id, a.CaseId, a.FileName, a.ContentType, a.SizeBytes, a.StorageKey),
                c.TrackingNumber, c.AccessPinHash, c.DepartmentId, c.SubmitterUserId,
            })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();

        var download = found.Download;
        var who = CaseAccess.For(user, found.DepartmentId, found.SubmitterUserId,
            query.Proof.Proves(download.CaseId, found.TrackingNumber, found.AccessPinHash));
        if (who.IsHandler || who.Is(Actor.Dispatcher))
            return download;
        if (who.Is(Actor.Submitter)
            && await db.CaseAttachments.Where(a => a.Id == download.Id).VisibleToSubmitter(db).AnyAsync(cancellationToken))
            return download;
        throw new NotFoundException();
    }
}
