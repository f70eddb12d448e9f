using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Queries;

/// <summary>The admin's list of supervisors, latest term end first (those serving come before those whose term ended).</summary>
public sealed record ListSupervisors(int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<SupervisorList>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public IEnumerable<ValidationError> Validate() => Paging.Validate(Page, PageSize);
}

public sealed record SupervisorList(PagedList<SupervisorRow> Supervisors, DateOnly Today);

public sealed record SupervisorRow(Guid Id, string Name, string? Email, string Affiliation, DateOnly TermStartsOn, DateOnly TermEndsOn, bool IsServing);

public sealed class ListSupervisorsHandler(FeedbackDbContext db, WorkCalendarSource calendars, TimeProvider clock)
    : IQueryHandler<ListSupervisors, SupervisorList>
{
    public async ValueTask<SupervisorList> Handle(ListSupervisors query, CancellationToken cancellationToken)
    {
        var today = await SupervisorTerms.TodayAsync(db, calendars, clock, cancellationToken);
        var total = await db.Supervisors.CountAsync(cancellationToken);
        var rows = await db.Supervisors.AsNoTracking()
            .OrderByDescending(s => s.TermEndsOn).ThenBy(s => s.Name)
            .Skip(Paging.Skip(query.Page, query.PageSize)).Take(query.PageSize)
            .Select(s => new SupervisorRow(s.Id, s.Name, db.Users.Where(u => u.Id == s.UserId).Select(u => u.Email).FirstOrDefault(),
                s.Affiliation, s.TermStartsOn, s.TermEndsOn, s.Terms.Any(t => t.StartsOn <= today && t.EndsOn >= today)))
            .ToListAsync(cancellationToken);
        return new SupervisorList(new PagedList<SupervisorRow>(rows, query.Page, query.PageSize, total), today);
    }
}

/// <summary>One supervisor for the admin: details and every term.</summary>
public sealed record GetSupervisor(Guid SupervisorId) : IQuery<SupervisorView>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record SupervisorView(Guid Id, Guid UserId, string Name, string? Email, string Affiliation, IReadOnlyList<Guid> ServiceAreaIds,
    bool IsServing, DateOnly Today, IReadOnlyList<TermRow> Terms);

public sealed class GetSupervisorHandler(FeedbackDbContext db, WorkCalendarSource calendars, TimeProvider clock)
    : IQueryHandler<GetSupervisor, SupervisorView>
{
    public async ValueTask<SupervisorView> Handle(GetSupervisor query, CancellationToken cancellationToken)
    {
        var supervisor = await db.Supervisors.AsNoTracking().Include(s => s.Terms).FirstOrDefaultAsync(s => s.Id == query.SupervisorId, cancellationToken)
            ?? throw new NotFoundException();
        var email = await db.Users.Where(u => u.Id == supervisor.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        var today = await SupervisorTerms.TodayAsync(db, calendars, clock, cancellationToken);
        return new SupervisorView(supervisor.Id, supervisor.UserId, supervisor.Name, email, supervisor.Affiliation, supervisor.ServiceAreaIds,
            supervisor.IsServingOn(today), today, supervisor.Terms.OrderBy(t => t.StartsOn).Select(t => new TermRow(t.StartsOn, t.EndsOn)).ToList());
    }
}

/// <summary>Serving supervisors, for choosing a forum's participants.</summary>
public sealed record ListServingSupervisors : IQuery<IReadOnlyList<SupervisorChoice>>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Supervisor);
}

public sealed record SupervisorChoice(Guid UserId, string Name);

public sealed class ListServingSupervisorsHandler(FeedbackDbContext db, WorkCalendarSource calendars, TimeProvider clock)
    : IQueryHandler<ListServingSupervisors, IReadOnlyList<SupervisorChoice>>
{
    public async ValueTask<IReadOnlyList<SupervisorChoice>> Handle(ListServingSupervisors query, CancellationToken cancellationToken)
    {
        var today = await SupervisorTerms.TodayAsync(db, calendars, clock, cancellationToken);
        return await db.Supervisors.AsNoTracking()
            .Where(s => s.TermEndsOn >= today && s.Terms.Any(t => t.StartsOn <= today && t.EndsOn >= today))
            .OrderBy(s => s.Name)
            .Select(s => new SupervisorChoice(s.UserId, s.Name))
            .ToListAsync(cancellationToken);
    }
}
