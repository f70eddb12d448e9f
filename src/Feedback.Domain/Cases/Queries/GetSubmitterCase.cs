using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>
/// A case as its submitter sees it: status, deadlines, the public timeline, their attachments and what they
/// may do now. For the signed-in submitter, or anyone holding the tracking number with its PIN.
/// </summary>
public sealed record GetSubmitterCase(string TrackingNumber, SubmitterProof Proof) : IQuery<SubmitterCaseView>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

public sealed record SubmitterCaseView(
    Guid Id,
    string TrackingNumber,
    CaseKind Kind,
    CaseStatus Status,
    Channel Channel,
    Guid CategoryId,
    Guid ServiceAreaId,
    string Subject,
    string Description,
    bool IsAnonymous,
    string? MaskedPhone,
    string? MaskedEmail,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ContactBy,
    DateTimeOffset? ResolveBy,
    DateTimeOffset? ClosedAt,
    string? ResolutionSummary,
    RejectionReason? RejectionReason,
    IReadOnlyList<SubmitterTimelineEntry> Timeline,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<CaseAction> AvailableActions,
    bool NeedsVerification = false)
{
    public bool Allows(CaseAction action) => AvailableActions.Contains(action);
    /// <summary>Not closed or rejected: the submitter may still write to it (AddCustomerMessage).</summary>
    public bool IsOpen => CaseTransitions.IsOpen(Status);
    public int AttachmentsLeft => Math.Max(0, Case.MaxAttachments - Attachments.Count);
}

/// <summary>
/// One public line of the timeline. Staff appear by capacity and department, never by name:
/// <paramref name="ActorDepartmentId"/> is the department of the member of staff who acted.
/// </summary>
public sealed record SubmitterTimelineEntry(
    DateTimeOffset At, CaseEventType Type, CaseAction? Action, CaseStatus? ToStatus, Actor ActorCapacity, Guid? ActorDepartmentId, string? Text);

public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt);

public sealed class GetSubmitterCaseHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<GetSubmitterCase, SubmitterCaseView>
{
    private static readonly IReadOnlySet<Actor> SubmitterOnly = new HashSet<Actor> { Actor.Submitter };

    public async ValueTask<SubmitterCaseView> Handle(GetSubmitterCase query, CancellationToken cancellationToken)
    {
        var number = TrackingNumber.Normalise(query.TrackingNumber);
        var found = TrackingNumber.LooksValid(number)
            ? await db.Cases.AsNoTracking().Where(c => c.TrackingNumber == number)
                .Select(c => new
                {
                    c.Id, c.TrackingNumber, c.AccessPinHash, c.DepartmentId, c.SubmitterUserId, c.Kind, c.Status, c.Channel,
                    c.CategoryId, c.ServiceAreaId, c.Subject, c.Description, c.IsAnonymous, c.Contact.Phone, c.Contact.Email,
                    c.SubmittedAt, c.ContactBy, c.ResolveBy, c.ClosedAt, c.ResolutionSummary, c.RejectionReason,
                })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (found is null)
        {
            // As much work as a wrong PIN, so the answer time does not tell which numbers exist.
            query.Proof.Proves(Guid.Empty, number, "");
            throw new NotFoundException();
        }
        var who = CaseAccess.For(user, found.DepartmentId, found.SubmitterUserId, query.Proof.Proves(found.Id, found.TrackingNumber, found.AccessPinHash));
        if (!who.Is(Actor.Submitter))
            throw new NotFoundException();

        var timeline = await db.CaseEvents.AsNoTracking()
            .Where(e => e.CaseId == found.Id && e.IsPublic)
            .OrderBy(e => e.At).ThenBy(e => e.Type == CaseEventType.Submitted ? 0 : 1)
            .Select(e => new SubmitterTimelineEntry(e.At, e.Type, e.Action, e.ToStatus, e.ActorCapacity,
                e.ActorCapacity == Actor.Staff || e.ActorCapacity == Actor.DepartmentHead
                    ? db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.DepartmentId).FirstOrDefault()
                    : null,
                e.Text))
            .ToListAsync(cancellationToken);
        var attachments = await db.CaseAttachments.AsNoTracking()
            .Where(a => a.CaseId == found.Id)
            .VisibleToSubmitter(db)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt))
            .ToListAsync(cancellationToken);

        return new SubmitterCaseView(
            found.Id, found.TrackingNumber, found.Kind, found.Status, found.Channel, found.CategoryId, found.ServiceAreaId,
            found.Subject, found.Description, found.IsAnonymous,
            PersonalDataMasker.MaskPhone(found.Phone), PersonalDataMasker.MaskEmail(found.Email),
            found.SubmittedAt, found.ContactBy, found.ResolveBy, found.ClosedAt, found.ResolutionSummary, found.RejectionReason,
            timeline, attachments, CaseTransitions.AvailableTo(found.Status, SubmitterOnly),
            await db.IsRequiredAsync(found.Id, found.Kind, cancellationToken));
    }
}
