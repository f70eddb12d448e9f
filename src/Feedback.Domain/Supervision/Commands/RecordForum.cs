using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Commands;

/// <summary>
/// A serving supervisor records a customer forum (客户座谈会): when, where, who took part (supervisors, how
/// many customers) and the suggestions raised, each filed as a Suggestion case, channel Forum. No customer's
/// name or contact is recorded.
/// </summary>
public sealed record RecordForum(
    DateOnly HeldOn,
    string Place,
    Guid ServiceAreaId,
    int CustomerCount,
    IReadOnlyList<Guid> SupervisorUserIds,
    IReadOnlyList<RaisedItem> Suggestions,
    string Culture = "zh-CN") : ICommand<ForumReceipt>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Supervisor);

    public IEnumerable<ValidationError> Validate()
    {
        if (HeldOn == default) yield return new(nameof(HeldOn), "Validation.Required");
        foreach (var e in Check.Required(Place, nameof(Place), Forum.PlaceMaxLength)) yield return e;
        foreach (var e in Check.NotEmpty(ServiceAreaId, nameof(ServiceAreaId))) yield return e;
        if (CustomerCount is < 0 or > Forum.MaxCustomers) yield return new(nameof(CustomerCount), "Supervision.Forum.CustomerCount", Forum.MaxCustomers);
        if (Suggestions is null || Suggestions.Count == 0) yield return new(nameof(Suggestions), "Supervision.Forum.SuggestionRequired");
        foreach (var e in RaisedItem.Validate(Suggestions, nameof(Suggestions), Forum.MaxSuggestions)) yield return e;
    }
}

public sealed record ForumReceipt(Guid ForumId, IReadOnlyList<string> SuggestionTrackingNumbers);

public sealed class RecordForumHandler(
    FeedbackDbContext db, OrganisationCache organisation, WorkCalendarSource calendars, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RecordForum, ForumReceipt>
{
    public async ValueTask<ForumReceipt> Handle(RecordForum command, CancellationToken cancellationToken)
    {
        var today = await db.EnsureServingAsync(user, calendars, clock, cancellationToken);
        var org = await organisation.GetAsync(cancellationToken);
        var errors = new List<ValidationError>();
        if (command.HeldOn > today) errors.Add(new(nameof(command.HeldOn), "Supervision.Forum.InFuture"));
        if (org.Area(command.ServiceAreaId) is not { IsActive: true }) errors.Add(new(nameof(command.ServiceAreaId), "Validation.Invalid"));
        var participants = (command.SupervisorUserIds ?? []).Distinct().ToList();
        var known = await db.Supervisors.CountAsync(s => participants.Contains(s.UserId), cancellationToken);
        if (known != participants.Count) errors.Add(new(nameof(command.SupervisorUserIds), "Validation.Invalid"));
        SupervisorFiling.CheckCategories(org, command.Suggestions, nameof(command.Suggestions), errors);
        if (errors.Count > 0) throw new ValidationException(errors);

        var now = clock.GetUtcNow();
        var forum = new Forum(command.HeldOn, command.Place, command.ServiceAreaId, command.CustomerCount, participants, user.UserId!.Value, now);
        db.Forums.Add(forum);
        var filing = await SupervisorFiling.ForAsync(db, org, calendars, user, command.Culture, cancellationToken);
        var numbers = new List<string>();
        foreach (var suggestion in command.Suggestions)
        {
            var @case = await filing.FileAsync(CaseKind.Suggestion, Channel.Forum, suggestion, command.ServiceAreaId, null, now, cancellationToken);
            forum.AddSuggestion(@case.Id);
            numbers.Add(@case.TrackingNumber);
        }
        return new ForumReceipt(forum.Id, numbers);
    }
}
