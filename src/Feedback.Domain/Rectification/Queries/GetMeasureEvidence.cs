using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification.Queries;

/// <summary>An evidence file, for those who may see its case (as for case attachments); 404 for everyone else.</summary>
public sealed record GetMeasureEvidence(Guid EvidenceId, SubmitterProof Proof) : IQuery<EvidenceFile>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

public sealed record EvidenceFile(Guid Id, string FileName, string ContentType, string StorageKey);

public sealed class GetMeasureEvidenceHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<GetMeasureEvidence, EvidenceFile>
{
    public async ValueTask<EvidenceFile> Handle(GetMeasureEvidence query, CancellationToken cancellationToken)
    {
        var found = await (
                from e in db.MeasureEvidence.AsNoTracking()
                where e.Id == query.EvidenceId
                join m in db.RectificationMeasures on e.MeasureId equals m.Id
                join r in db.Rectifications on m.RectificationId equals r.Id
                join c in db.Cases on r.CaseId equals c.Id
                select new { File = new EvidenceFile(e.Id, e.FileName, e.ContentType, e.StorageKey), c.Id, c.TrackingNumber, c.AccessPinHash, c.DepartmentId, c.SubmitterUserId })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        var who = CaseAccess.For(user, found.DepartmentId, found.SubmitterUserId, query.Proof.Proves(found.Id, found.TrackingNumber, found.AccessPinHash));
        return who.CanSee ? found.File : throw new NotFoundException();
    }
}
