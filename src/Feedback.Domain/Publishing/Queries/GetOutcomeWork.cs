using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing.Queries;

/// <summary>
/// What the handling department needs to write and approve the public notice of a case: the stored notice
/// and its history, who could own a measure, and what the masking removes — from the stored draft, or from
/// the text being previewed (<paramref name="PreviewTitle"/>, <paramref name="PreviewMarkdown"/>).
/// </summary>
public sealed record GetOutcomeWork(Guid CaseId, string? PreviewTitle = null, string? PreviewMarkdown = null)
    : IQuery<OutcomeWorkView>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => CaseAccess.WorksCases(user);

    public IEnumerable<ValidationError> Validate() =>
        Check.Optional(PreviewTitle, nameof(PreviewTitle), Outcome.TitleMaxLength).Concat(Check.Optional(PreviewMarkdown, nameof(PreviewMarkdown), Outcome.BodyMaxLength));
}

public sealed record OutcomeWorkView(
    Guid CaseId, string TrackingNumber, CaseKind Kind, CaseStatus Status, bool IsHandler, bool IsHead, Guid? UserId,
    IReadOnlyList<CaseWorker> Owners, OutcomeDraftView? Outcome, MaskedText? MaskedTitle, MaskedText? MaskedBody)
{
    public bool MayBePublished => Publishing.Outcome.MayBePublished(Kind);
    /// <summary>Four eyes: the head may approve only what someone else wrote.</summary>
    public bool MayApprove => IsHead && Outcome is { Status: OutcomeStatus.AwaitingApproval } o && o.DraftedByUserId != UserId;
}

public sealed record OutcomeDraftView(
    Guid Id, OutcomeStatus Status, string DraftTitle, string DraftMarkdown, string PublicTitle, string PublicMarkdown,
    Guid? DraftedByUserId, string DraftedByName, DateTimeOffset DraftedAt, DateTimeOffset? PublishedAt, string? UnpublishReason,
    IReadOnlyList<OutcomeHistoryView> History);

public sealed record OutcomeHistoryView(OutcomeStep Step, DateTimeOffset At, string ByName, string? Note);

public sealed class GetOutcomeWorkHandler(FeedbackDbContext db, ICurrentUser user) : IQueryHandler<GetOutcomeWork, OutcomeWorkView>
{
    public async ValueTask<OutcomeWorkView> Handle(GetOutcomeWork query, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == query.CaseId)
            .Select(c => new { c.Id, c.TrackingNumber, c.Kind, c.Status, c.DepartmentId, c.SubmitterUserId, c.Contact })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        var who = CaseAccess.For(user, found.DepartmentId, found.SubmitterUserId);
        if (!who.IsHandler && !who.Is(Actor.Dispatcher))
            throw new NotFoundException();

        var outcome = await db.Outcomes.AsNoTracking()
            .Where(o => o.CaseId == found.Id)
            .Select(o => new OutcomeDraftView(o.Id, o.Status, o.DraftTitle, o.DraftMarkdown, o.PublicTitle, o.PublicMarkdown,
                o.DraftedByUserId, o.DraftedByName, o.DraftedAt, o.PublishedAt, o.UnpublishReason,
                o.History.OrderBy(h => h.At).Select(h => new OutcomeHistoryView(h.Step, h.At, h.ByName, h.Note)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        var owners = found.DepartmentId is { } department && who.IsHandler
            ? await CaseWorkers.InAsync(db, [department], cancellationToken)
            : [];

        MaskedText? title = null, body = null;
        if (query.PreviewMarkdown is not null || query.PreviewTitle is not null)
            (title, body) = Outcome.Mask(query.PreviewTitle ?? "", query.PreviewMarkdown ?? "", found.Contact);
        else if (outcome is not null)
            (title, body) = Outcome.Mask(outcome.DraftTitle, outcome.DraftMarkdown, found.Contact);

        return new OutcomeWorkView(found.Id, found.TrackingNumber, found.Kind, found.Status, who.IsHandler, who.Is(Actor.DepartmentHead), user.UserId,
            owners, outcome, title, body);
    }
}
