using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Commands;

/// <summary>The first step of every command on an existing case: load it and work out who is acting.</summary>
internal static class CaseLoader
{
    public static readonly Actor[] Handlers = [Actor.Staff, Actor.DepartmentHead];
    public static readonly Actor[] HandlersAndDispatcher = [Actor.Staff, Actor.DepartmentHead, Actor.Dispatcher];

    /// <summary>
    /// Loads the whole case (timeline and attachments: the aggregate's rules may read them). A case the user
    /// may not see is not found (404) — its existence is not revealed. The participant keeps only the
    /// <paramref name="actingAs"/> capacities, so that a staff member who also filed the case never acts as
    /// its submitter through a staff command; a capacity they lack makes the case refuse the action (403).
    /// </summary>
    public static async Task<(Case Case, CaseParticipant By)> LoadForAsync(
        this FeedbackDbContext db, Guid caseId, ICurrentUser user, IReadOnlyCollection<Actor> actingAs, CancellationToken cancellationToken)
    {
        var @case = await db.Cases
            .Include(c => c.Events)
            .Include(c => c.Attachments)
            .FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw new NotFoundException();
        var participant = CaseAccess.For(user, @case);
        if (!participant.CanSee)
            throw new NotFoundException();
        return (@case, participant with { Capacities = participant.Capacities.Where(actingAs.Contains).ToHashSet() });
    }
}

/// <summary>Who may send the staff-side commands at all; the case itself decides the rest.</summary>
internal static class Senders
{
    public static bool IsCaseWorker(ICurrentUser user) =>
        user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);

    public static bool IsCaseWorkerOrDispatcher(ICurrentUser user) =>
        IsCaseWorker(user) || user.IsInRole(Roles.Dispatcher);
}
