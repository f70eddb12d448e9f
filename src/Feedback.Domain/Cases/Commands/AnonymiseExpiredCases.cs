using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// One batch of the retention sweep (the background job sends it as the system until nothing is due): closed
/// cases whose retention period has passed and that still hold personal data — a range of the
/// (AnonymisedAt, ClosedAt) index — are anonymised (<see cref="Case.Anonymise"/>), together with their survey
/// comments, Open311 location and client ids, and the emails sent about them. A fixed number of queries per
/// batch, one transaction per batch. The attachment files are deleted before the batch commits: if the
/// commit fails the cases stay due and the next run deletes (nothing) again and commits.
/// </summary>
public sealed record AnonymiseExpiredCases(int RetentionDays, int BatchSize = AnonymiseExpiredCases.DefaultBatchSize)
    : ICommand<RetentionSweepResult>, IAuthorizedMessage
{
    public const int DefaultBatchSize = 100;

    public bool IsAuthorizedFor(ICurrentUser user) => user is SystemUser;

    /// <summary>Closed at or before this instant means due.</summary>
    public static DateTimeOffset DueIfClosedBy(DateTimeOffset now, int retentionDays) => now.AddDays(-retentionDays);
}

/// <param name="MoreDue">The batch was full: send another.</param>
public sealed record RetentionSweepResult(int CasesAnonymised, int FilesDeleted, bool MoreDue);

public sealed class AnonymiseExpiredCasesHandler(FeedbackDbContext db, IAttachmentStore store, TimeProvider clock)
    : ICommandHandler<AnonymiseExpiredCases, RetentionSweepResult>
{
    public async ValueTask<RetentionSweepResult> Handle(AnonymiseExpiredCases command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var closedBy = AnonymiseExpiredCases.DueIfClosedBy(now, command.RetentionDays);
        var batch = Math.Max(1, command.BatchSize);
        var due = await db.Cases
            .Where(c => c.AnonymisedAt == null && c.ClosedAt != null && c.ClosedAt <= closedBy)
            .OrderBy(c => c.ClosedAt)
            .Select(c => c.Id)
            .Take(batch)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
            return new RetentionSweepResult(0, 0, false);

        var cases = await db.Cases
            .Include(c => c.Events)
            .Include(c => c.Attachments)
            .AsSplitQuery()
            .Where(c => due.Contains(c.Id))
            .ToListAsync(cancellationToken);
        var surveys = await db.Surveys.Where(s => due.Contains(s.CaseId)).ToListAsync(cancellationToken);
        var open311 = await db.Open311Details.Where(d => due.Contains(d.CaseId)).ToListAsync(cancellationToken);
        var emails = await db.EmailMessages.Where(m => m.CaseId != null && due.Contains(m.CaseId.Value)).ToListAsync(cancellationToken);

        var surveysByCase = surveys.ToLookup(s => s.CaseId);
        var files = 0;
        foreach (var @case in cases)
        {
            // The contact is needed to find it in the survey texts, so those go first.
            foreach (var survey in surveysByCase[@case.Id])
                survey.MaskPersonalData(@case.Contact);
            foreach (var attachment in @case.Anonymise(now))
            {
                store.Delete(attachment.StorageKey);
                files++;
            }
        }
        open311.ForEach(d => d.Anonymise());
        // The emails about a case repeat its contact details and texts; the case's timeline keeps the history.
        db.EmailMessages.RemoveRange(emails);
        return new RetentionSweepResult(cases.Count, files, due.Count >= batch);
    }
}
