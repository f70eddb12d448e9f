using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Notifications.Handlers;

/// <summary>The submitter of a suggestion learns the decision and the reason, in their language.</summary>
public sealed class SuggestionDecisionEmailHandler(FeedbackDbContext db, IEmailQueue queue) : INotificationHandler<SuggestionDecided>
{
    public async ValueTask Handle(SuggestionDecided notification, CancellationToken cancellationToken)
    {
        if (await CaseMailing.LoadAsync(db, notification.CaseId, cancellationToken) is not { ReceivesUpdates: true } mailing)
            return;
        var decision = await db.SuggestionDecisions.AsNoTracking()
            .Where(d => d.CaseId == notification.CaseId)
            .Select(d => new { d.Verdict, d.Reason })
            .SingleOrDefaultAsync(cancellationToken);
        if (decision is null)
            return;
        await mailing.QueueAsync(queue, EmailTemplates.SuggestionDecision, cancellationToken,
            ("Decision", VerdictText(decision.Verdict, mailing.Culture)), ("Reason", decision.Reason));
    }

    /// <summary>The decision in the submitter's words (emails are written in the case's language).</summary>
    public static string VerdictText(SuggestionVerdict verdict, string culture) =>
        (verdict, culture.StartsWith("en", StringComparison.OrdinalIgnoreCase)) switch
        {
            (SuggestionVerdict.Adopted, false) => "采纳",
            (SuggestionVerdict.PartlyAdopted, false) => "部分采纳",
            (SuggestionVerdict.NotAdopted, false) => "不予采纳",
            (SuggestionVerdict.Adopted, true) => "adopted",
            (SuggestionVerdict.PartlyAdopted, true) => "partly adopted",
            _ => "not adopted",
        };
}
