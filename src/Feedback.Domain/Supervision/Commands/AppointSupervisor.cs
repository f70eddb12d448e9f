using System.Globalization;
using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Domain.Identity.Commands;
using Feedback.Domain.Notifications;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Feedback.Domain.Supervision.Commands;

/// <summary>
/// An admin appoints a service supervisor for a term. The account is made the way staff accounts are
/// (address vouched for, no password): the invitation email carries the same single-use, expiring link to set
/// a password, and two-factor authentication is set up at first sign-in.
/// </summary>
public sealed record AppointSupervisor(
    string Email, string Name, string Affiliation, IReadOnlyList<Guid> ServiceAreaIds, DateOnly StartsOn, DateOnly EndsOn, string Culture = "zh-CN")
    : ICommand<Guid>, IAuthorizedMessage, IValidate, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(Guid id) => new(AuditAction.SupervisorAppoint, id, $"{StartsOn:yyyy-MM-dd}..{EndsOn:yyyy-MM-dd}, {ServiceAreaIds.Count} area(s)");

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Required(Email, nameof(Email), ContactRules.EmailMaxLength)) yield return e;
        if (!string.IsNullOrWhiteSpace(Email) && !ContactRules.IsEmail(Email.Trim())) yield return new(nameof(Email), "Validation.Email");
        foreach (var e in Check.Required(Name, nameof(Name), AccountRules.DisplayNameMaxLength)) yield return e;
        foreach (var e in Check.Required(Affiliation, nameof(Affiliation), Supervisor.AffiliationMaxLength)) yield return e;
        if (ServiceAreaIds is null || ServiceAreaIds.Count == 0) yield return new(nameof(ServiceAreaIds), "Supervision.Appoint.AreaRequired");
        if (StartsOn == default) yield return new(nameof(StartsOn), "Validation.Required");
        if (EndsOn == default) yield return new(nameof(EndsOn), "Validation.Required");
        else if (StartsOn != default && EndsOn < StartsOn) yield return new(nameof(EndsOn), "Supervision.Term.EndsBeforeStart");
        if (!AccountRules.IsSupportedCulture(Culture)) yield return new(nameof(Culture), "Validation.Invalid");
    }
}

public sealed class AppointSupervisorHandler(
    FeedbackDbContext db, UserManager<User> users, OrganisationCache organisation, IEmailQueue emails, IAccountLinks links,
    ICurrentUser admin, TimeProvider clock) : ICommandHandler<AppointSupervisor, Guid>
{
    public async ValueTask<Guid> Handle(AppointSupervisor command, CancellationToken cancellationToken)
    {
        var org = await organisation.GetAsync(cancellationToken);
        if (command.ServiceAreaIds.Any(id => org.Area(id) is not { IsActive: true }))
            throw new ValidationException([new(nameof(command.ServiceAreaIds), "Validation.Invalid")]);

        var user = await StaffAccounts.CreateInvitedAsync(db, users, clock, command.Email, command.Name, command.Culture,
            departmentId: null, [Roles.Supervisor], cancellationToken);
        var supervisor = Supervisor.Appoint(user.Id, user.DisplayName, command.Affiliation, command.ServiceAreaIds,
            command.StartsOn, command.EndsOn, admin.UserId, clock.GetUtcNow());
        db.Supervisors.Add(supervisor);

        await emails.QueueAsync(user.Email!, EmailTemplates.SupervisorInvitation, user.PreferredCulture, new Dictionary<string, string>
        {
            ["Name"] = user.DisplayName,
            ["Link"] = await StaffAccounts.InvitationLinkAsync(users, links, user),
            ["Affiliation"] = supervisor.Affiliation,
            ["TermStartsOn"] = supervisor.TermStartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["TermEndsOn"] = supervisor.TermEndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, cancellationToken: cancellationToken);
        return supervisor.Id;
    }
}
