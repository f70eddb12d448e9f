using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla;
using Mediator;

namespace Feedback.Domain.Routing.Queries;

/// <summary>
/// The admin's "try it": where would a case like this go, why, and with which deadlines if it were filed
/// now? Uses exactly what filing uses (the cached rules and policies, the current calendar); writes nothing.
/// </summary>
public sealed record TryRouting(
    CaseKind Kind, Channel Channel, Guid CategoryId, Guid ServiceAreaId, string? Subject, string? Description, Guid? AccusedDepartmentId = null)
    : IQuery<RoutingTrial>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Defined(Kind, nameof(Kind))) yield return e;
        foreach (var e in Check.Defined(Channel, nameof(Channel))) yield return e;
        foreach (var e in Check.NotEmpty(CategoryId, nameof(CategoryId))) yield return e;
        foreach (var e in Check.NotEmpty(ServiceAreaId, nameof(ServiceAreaId))) yield return e;
        foreach (var e in Check.Optional(Subject, nameof(Subject), Case.SubjectMaxLength)) yield return e;
        foreach (var e in Check.Optional(Description, nameof(Description), Case.DescriptionMaxLength)) yield return e;
    }
}

/// <param name="Policy">Null only when no SLA policy exists at all (the setup requires a fallback).</param>
/// <param name="Deadlines">From <paramref name="Now"/> on <paramref name="TimeZone"/>'s working calendar.</param>
public sealed record RoutingTrial(RoutingTrace Trace, SlaPolicy? Policy, DateTimeOffset Now, CaseDeadlines? Deadlines, TimeZoneInfo TimeZone);

public sealed class TryRoutingHandler(FeedbackDbContext db, OrganisationCache organisation, WorkCalendarSource calendars, TimeProvider clock)
    : IQueryHandler<TryRouting, RoutingTrial>
{
    public async ValueTask<RoutingTrial> Handle(TryRouting query, CancellationToken cancellationToken)
    {
        var org = await organisation.GetAsync(cancellationToken);
        var errors = new List<ValidationError>();
        if (org.Category(query.CategoryId) is null) errors.Add(new(nameof(query.CategoryId), "Validation.Invalid"));
        if (org.Area(query.ServiceAreaId) is null) errors.Add(new(nameof(query.ServiceAreaId), "Validation.Invalid"));
        // As when filing: the department concerned counts only for a report.
        var accused = query.Kind == CaseKind.Report ? query.AccusedDepartmentId : null;
        if (accused is { } id && org.Department(id) is null) errors.Add(new(nameof(query.AccusedDepartmentId), "Validation.Invalid"));
        if (errors.Count > 0) throw new ValidationException(errors);

        var trace = Router.Explain(
            new RoutingInput(query.Kind, query.Channel, query.CategoryId, query.ServiceAreaId, (query.Subject ?? "").Trim(), (query.Description ?? "").Trim(), accused),
            org.Rules, org.IntegrityOfficeId);
        var policy = SlaPolicy.Select(org.Policies, query.Kind, query.CategoryId, trace.Decision.Priority);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        return new RoutingTrial(trace, policy, now, policy?.DeadlinesFrom(now, calendar), calendar.TimeZone);
    }
}
