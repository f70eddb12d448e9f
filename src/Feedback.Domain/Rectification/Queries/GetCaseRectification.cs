using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification.Queries;

/// <summary>
/// The rectification record and the suggestion decision of a case, for anyone who may see the case: its
/// handlers and the service centre (staff page), and its submitter (signed in, or with the PIN) who
/// verifies it. The submitter sees staff by capacity, never by name.
/// </summary>
public sealed record GetCaseRectification(Guid CaseId, SubmitterProof Proof) : IQuery<CaseRectificationView>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

public sealed record CaseRectificationView(
    Guid CaseId, CaseKind Kind, CaseStatus Status, bool NeedsVerification, bool MayEdit,
    RectificationView? Rectification, SuggestionDecisionView? Decision)
{
    public bool RectificationApplies => CaseRectification.AppliesTo(Kind);
}

public sealed record RectificationView(string RootCause, int ProgressPercent, DateTimeOffset RecordedAt, IReadOnlyList<MeasureView> Measures);

public sealed record MeasureView(
    Guid Id, string Description, string? OwnerName, DateOnly DueOn, DateTimeOffset DueAt, MeasureStatus Status,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? CompletionNote, bool IsOverdue, IReadOnlyList<EvidenceView> Evidence);

public sealed record EvidenceView(Guid Id, string FileName, long SizeBytes);

public sealed record SuggestionDecisionView(SuggestionVerdict Verdict, string Reason, DateTimeOffset DecidedAt);

public sealed class GetCaseRectificationHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetCaseRectification, CaseRectificationView>
{
    public async ValueTask<CaseRectificationView> Handle(GetCaseRectification query, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == query.CaseId)
            .Select(c => new { c.Id, c.TrackingNumber, c.AccessPinHash, c.DepartmentId, c.SubmitterUserId, c.Kind, c.Status })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        var who = CaseAccess.For(user, found.DepartmentId, found.SubmitterUserId, query.Proof.Proves(found.Id, found.TrackingNumber, found.AccessPinHash));
        if (!who.CanSee)
            throw new NotFoundException();
        var insider = who.IsHandler || who.Is(Actor.Dispatcher);

        var rectification = await db.Rectifications.AsNoTracking()
            .Where(r => r.CaseId == found.Id)
            .Select(r => new { r.RootCause, r.RecordedAt })
            .FirstOrDefaultAsync(cancellationToken);
        RectificationView? view = null;
        if (rectification is not null)
        {
            var measures = await MeasuresAsync(db, found.Id, clock.GetUtcNow(), insider, cancellationToken);
            view = new RectificationView(rectification.RootCause,
                CaseRectification.Progress(measures.Count, measures.Count(m => m.Status == MeasureStatus.Done)), rectification.RecordedAt, measures);
        }
        var decision = await db.SuggestionDecisions.AsNoTracking()
            .Where(d => d.CaseId == found.Id)
            .Select(d => new SuggestionDecisionView(d.Verdict, d.Reason, d.DecidedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return new CaseRectificationView(found.Id, found.Kind, found.Status, Verification.IsRequired(found.Kind, rectification is not null),
            who.IsHandler && CaseTransitions.IsOpen(found.Status), view, decision);
    }

    /// <summary>The measures of a case, due first, with their evidence (two queries, however many measures).</summary>
    internal static async Task<List<MeasureView>> MeasuresAsync(FeedbackDbContext db, Guid caseId, DateTimeOffset now, bool withOwnerNames,
        CancellationToken cancellationToken)
    {
        var measures = await db.RectificationMeasures.AsNoTracking()
            .Where(m => db.Rectifications.Any(r => r.Id == m.RectificationId && r.CaseId == caseId))
            .OrderBy(m => m.DueAt).ThenBy(m => m.CreatedAt)
            .Select(m => new { m.Id, m.Description, m.OwnerName, m.DueOn, m.DueAt, m.Status, m.StartedAt, m.CompletedAt, m.CompletionNote })
            .ToListAsync(cancellationToken);
        var ids = measures.Select(m => m.Id).ToList();
        var evidence = (await db.MeasureEvidence.AsNoTracking()
                .Where(e => ids.Contains(e.MeasureId))
                .OrderBy(e => e.UploadedAt)
                .Select(e => new { e.MeasureId, View = new EvidenceView(e.Id, e.FileName, e.SizeBytes) })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.MeasureId, e => e.View);
        return measures.Select(m => new MeasureView(m.Id, m.Description, withOwnerNames ? m.OwnerName : null, m.DueOn, m.DueAt, m.Status,
                m.StartedAt, m.CompletedAt, m.CompletionNote, m.Status != MeasureStatus.Done && m.DueAt <= now, evidence[m.Id].ToList()))
            .ToList();
    }
}
