using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Sla.Commands;

internal static class DeadlineCases
{
    public static readonly Actor[] Handlers = [Actor.Staff, Actor.DepartmentHead];

    /// <summary>
    /// A case with everything its deadlines are replayed from (timeline, extensions), and the user acting on
    /// it in <paramref name="actingAs"/> capacities only. A case the user may not see is not found (404).
    /// </summary>
    public static async Task<(Case Case, CaseParticipant By)> LoadForDeadlinesAsync(
        this FeedbackDbContext db, Guid caseId, ICurrentUser user, IReadOnlyCollection<Actor> actingAs, CancellationToken cancellationToken)
    {
        var @case = await db.Cases
            .Include(c => c.Events)
            .Include(c => c.Extensions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException();
        var participant = CaseAccess.For(user, @case);
        if (!participant.CanSee)
            throw new NotFoundException();
        return (@case, participant with { Capacities = participant.Capacities.Where(actingAs.Contains).ToHashSet() });
    }

    public static bool IsCaseWorker(ICurrentUser user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);
}
