using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Publishing;

internal static class OutcomeLoader
{
    public static Task<Outcome?> FindOutcomeAsync(this FeedbackDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Outcomes.Include(o => o.History).FirstOrDefaultAsync(o => o.CaseId == caseId, cancellationToken);

    public static async Task<Outcome> LoadOutcomeAsync(this FeedbackDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        await db.FindOutcomeAsync(caseId, cancellationToken) ?? throw new NotFoundException("Outcomes.Outcome.NotFound");

    public static bool IsCaseWorker(ICurrentUser user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);
}
