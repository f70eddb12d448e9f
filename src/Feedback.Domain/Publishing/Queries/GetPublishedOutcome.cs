using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Feedback.Domain.Rectification.Queries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing.Queries;

/// <summary>
/// One published notice with the timeline of its measures (what, due, done), for anyone. Measure texts are
/// staff's own words and go through the same masking as the notice; owners and evidence stay internal.
/// </summary>
public sealed record GetPublishedOutcome(Guid Id) : IQuery<PublishedOutcomeView>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;
}

public sealed record PublishedOutcomeView(
    Guid Id, string Title, string Markdown, CaseKind Kind, Guid CategoryId, Guid ServiceAreaId, DateTimeOffset PublishedAt,
    string? RootCause, int? ProgressPercent, IReadOnlyList<PublicMeasure> Measures);

public sealed record PublicMeasure(string Description, DateOnly DueOn, MeasureStatus Status, DateTimeOffset? CompletedAt, string? CompletionNote);

public sealed class GetPublishedOutcomeHandler(FeedbackDbContext db, TimeProvider clock) : IQueryHandler<GetPublishedOutcome, PublishedOutcomeView>
{
    public async ValueTask<PublishedOutcomeView> Handle(GetPublishedOutcome query, CancellationToken cancellationToken)
    {
        var found = await (
                from o in db.Outcomes.AsNoTracking()
                where o.Id == query.Id && o.Status == OutcomeStatus.Published && o.Kind != CaseKind.Report
                join c in db.Cases on o.CaseId equals c.Id
                select new { o.Id, o.CaseId, o.PublicTitle, o.PublicMarkdown, o.Kind, o.CategoryId, o.ServiceAreaId, PublishedAt = o.PublishedAt!.Value, c.Contact })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        var rootCause = await db.Rectifications.AsNoTracking().Where(r => r.CaseId == found.CaseId).Select(r => r.RootCause).FirstOrDefaultAsync(cancellationToken);
        var measures = rootCause is null ? [] : await GetCaseRectificationHandler.MeasuresAsync(db, found.CaseId, clock.GetUtcNow(), false, cancellationToken);
        string? Mask(string? text) => text is null ? null : PersonalDataInText.Mask(text, found.Contact).Text;
        return new PublishedOutcomeView(found.Id, found.PublicTitle, found.PublicMarkdown, found.Kind, found.CategoryId, found.ServiceAreaId, found.PublishedAt,
            Mask(rootCause), rootCause is null ? null : CaseRectification.Progress(measures.Count, measures.Count(m => m.Status == MeasureStatus.Done)),
            measures.Select(m => new PublicMeasure(Mask(m.Description)!, m.DueOn, m.Status, m.CompletedAt, Mask(m.CompletionNote))).ToList());
    }
}
