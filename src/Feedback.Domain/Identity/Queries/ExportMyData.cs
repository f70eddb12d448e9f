using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Queries;

/// <summary>
/// "Download my data" (DESIGN §6): the signed-in person's profile and, for each case they filed, what they can
/// already see about it — never internal notes or the names of the staff who handled it.
/// </summary>
public sealed record ExportMyData : IQuery<MyData>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsAuthenticated;
}

public sealed record MyData(MyProfile Profile, IReadOnlyList<MyCase> Cases, DateTimeOffset ExportedAt);

public sealed record MyProfile(string Email, string DisplayName, string PreferredCulture, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, bool TwoFactorEnabled);

public sealed record MyCase(
    string TrackingNumber, CaseKind Kind, Channel Channel, string Category, string ServiceArea, CaseStatus Status,
    string Subject, string Description, bool IsAnonymous, ContactDetails Contact,
    DateTimeOffset SubmittedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, string? ResolutionSummary,
    IReadOnlyList<MyCaseEvent> Timeline);

public sealed record MyCaseEvent(DateTimeOffset At, CaseEventType Type, CaseAction? Action, CaseStatus? Status, Actor By, string? Text);

public sealed class ExportMyDataHandler(FeedbackDbContext db, ICurrentUser current, OrganisationCache organisation, TimeProvider clock)
    : IQueryHandler<ExportMyData, MyData>
{
    public async ValueTask<MyData> Handle(ExportMyData query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == current.UserId, cancellationToken) ?? throw new NotFoundException();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(cancellationToken);
        var cases = await db.Cases.AsNoTracking().Where(c => c.SubmitterUserId == user.Id)
            .OrderBy(c => c.SubmittedAt)
            .Select(c => new
            {
                c.Id, c.TrackingNumber, c.Kind, c.Channel, c.CategoryId, c.ServiceAreaId, c.Status, c.Subject, c.Description,
                c.IsAnonymous, c.Contact, c.SubmittedAt, c.ResolvedAt, c.ClosedAt, c.ResolutionSummary,
            })
            .ToListAsync(cancellationToken);
        var caseIds = cases.Select(c => c.Id).ToList();
        var events = (await db.CaseEvents.AsNoTracking().Where(e => caseIds.Contains(e.CaseId) && e.IsPublic)
                .OrderBy(e => e.At)
                .Select(e => new { e.CaseId, Event = new MyCaseEvent(e.At, e.Type, e.Action, e.ToStatus, e.ActorCapacity, e.Text) })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.CaseId, e => e.Event);

        var org = await organisation.GetAsync(cancellationToken);
        var culture = user.PreferredCulture;
        return new MyData(
            new MyProfile(user.Email ?? "", user.DisplayName, user.PreferredCulture, ListUsersHandler.Ordered(roles), user.CreatedAt, user.TwoFactorEnabled),
            cases.Select(c => new MyCase(c.TrackingNumber, c.Kind, c.Channel,
                org.Category(c.CategoryId)?.Name(culture) ?? "", org.Area(c.ServiceAreaId)?.Name(culture) ?? "", c.Status,
                c.Subject, c.Description, c.IsAnonymous, c.Contact, c.SubmittedAt, c.ResolvedAt, c.ClosedAt, c.ResolutionSummary,
                events[c.Id].ToList())).ToList(),
            clock.GetUtcNow());
    }
}
