using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification.Commands;

/// <summary>
/// One batch of the 7-day sweep (sent by the background scanner as the system): resolved cases nobody
/// answered for <see cref="Verification.AnswerWindow"/> are closed through <see cref="Case.AutoClose"/>; the
/// timeline says "verified by default" where <see cref="Verification.IsRequired"/>, otherwise "closed
/// automatically after 7 days".
/// </summary>
public sealed record CloseUnansweredResolutions(int BatchSize = CloseUnansweredResolutions.DefaultBatchSize)
    : ICommand<ScanResult>, IAuthorizedMessage
{
    public const int DefaultBatchSize = 50;

    public bool IsAuthorizedFor(ICurrentUser user) => user is SystemUser;
}

public sealed class CloseUnansweredResolutionsHandler(FeedbackDbContext db, TimeProvider clock)
    : ICommandHandler<CloseUnansweredResolutions, ScanResult>
{
    public async ValueTask<ScanResult> Handle(CloseUnansweredResolutions command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var resolvedBy = now - Verification.AnswerWindow;
        var batch = Math.Max(1, command.BatchSize);
        var cases = await db.Cases
            .Include(c => c.Events)
            .Include(c => c.Extensions)
            .AsSplitQuery()
            .Where(c => c.Status == CaseStatus.Resolved && c.ResolvedAt <= resolvedBy)
            .OrderBy(c => c.ResolvedAt)
            .Take(batch)
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
            return new ScanResult(0, false);
        var ids = cases.Select(c => c.Id).ToList();
        var rectified = (await db.Rectifications.Where(r => ids.Contains(r.CaseId)).Select(r => r.CaseId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var @case in cases)
            @case.AutoClose(Verification.DefaultCloseText(Verification.IsRequired(@case.Kind, rectified.Contains(@case.Id)), @case.Culture), now);
        return new ScanResult(cases.Count, cases.Count >= batch);
    }
}
