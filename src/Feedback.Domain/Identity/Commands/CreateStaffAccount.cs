using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Commands;

/// <summary>
/// An admin creates an account for a member of staff, a department head, a dispatcher or another admin
/// (DESIGN §1: never self-registered). The address counts as confirmed (the admin vouches for it); the person
/// sets a password through the invitation link and must set up two-factor authentication first thing.
/// </summary>
public sealed record CreateStaffAccount(string Email, string DisplayName, IReadOnlyList<string> Roles, Guid? DepartmentId, string Culture = "zh-CN")
    : ICommand<Guid>, IAuthorizedMessage, IValidate, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Common.Roles.Admin);

    public AuditNote? Audit(Guid id) => new(AuditAction.AccountCreate, id, StaffAccountAudit.RoleSummary(Roles, DepartmentId));

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Required(Email, nameof(Email), ContactRules.EmailMaxLength)) yield return e;
        if (!string.IsNullOrWhiteSpace(Email) && !ContactRules.IsEmail(Email.Trim())) yield return new(nameof(Email), "Validation.Email");
        foreach (var e in Check.Required(DisplayName, nameof(DisplayName), AccountRules.DisplayNameMaxLength)) yield return e;
        foreach (var e in AccountRules.ValidateStaffRoles(Roles, DepartmentId, atLeastOne: true)) yield return e;
        if (!AccountRules.IsSupportedCulture(Culture)) yield return new(nameof(Culture), "Validation.Invalid");
    }
}

/// <remarks>
/// Writes the user and its roles through the context rather than UserManager.CreateAsync, which saves on
/// its own: this way the account and its invitation email are stored by the one unit of work, or neither is.
/// UserManager still supplies the normalisation and the password-reset token.
/// </remarks>
public sealed class CreateStaffAccountHandler(
    FeedbackDbContext db, UserManager<User> users, IEmailQueue emails, IAccountLinks links, TimeProvider clock)
    : ICommandHandler<CreateStaffAccount, Guid>
{
    public async ValueTask<Guid> Handle(CreateStaffAccount command, CancellationToken cancellationToken)
    {
        await StaffAccounts.CheckDepartmentAsync(db, command.DepartmentId, cancellationToken);
        var user = await StaffAccounts.CreateInvitedAsync(db, users, clock, command.Email, command.DisplayName, command.Culture,
            command.DepartmentId, command.Roles, cancellationToken);
        await emails.QueueAsync(user.Email!, EmailTemplates.StaffInvitation, user.PreferredCulture, new Dictionary<string, string>
        {
            ["Name"] = user.DisplayName,
            ["Link"] = await StaffAccounts.InvitationLinkAsync(users, links, user),
            ["Roles"] = string.Join(", ", command.Roles),
        }, cancellationToken: cancellationToken);
        return user.Id;
    }
}

/// <summary>What creating and editing staff accounts share.</summary>
internal static class StaffAccounts
{
    public static async Task CheckDepartmentAsync(FeedbackDbContext db, Guid? departmentId, CancellationToken cancellationToken)
    {
        if (departmentId is { } id && !await db.Departments.AnyAsync(d => d.Id == id && d.IsActive, cancellationToken))
            throw new ValidationException([new("DepartmentId", "Validation.Invalid")]);
    }

    /// <summary>
    /// An account an admin vouches for (address confirmed, no password yet), with its roles, added to the
    /// unit of work. The person sets a password through <see cref="InvitationLinkAsync"/> and then must set up
    /// two-factor authentication. Staff accounts and supervisor appointments share this invitation.
    /// </summary>
    public static async Task<User> CreateInvitedAsync(FeedbackDbContext db, UserManager<User> users, TimeProvider clock,
        string email, string displayName, string culture, Guid? departmentId, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var normalisedEmail = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalisedEmail || u.NormalizedUserName == normalisedEmail, cancellationToken))
            throw new ValidationException([new("Email", "Admin.Users.EmailTaken")]);
        var user = new User
        {
            UserName = email,
            NormalizedUserName = users.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalisedEmail,
            EmailConfirmed = true,
            DisplayName = displayName.Trim(),
            DepartmentId = departmentId,
            PreferredCulture = culture,
            CreatedAt = clock.GetUtcNow(),
            MustSetUpTwoFactor = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        await GrantAsync(db, user.Id, roles, cancellationToken);
        return user;
    }

    /// <summary>
    /// The set-your-password link: a password-reset token, so it expires (the token lifespan) and works once
    /// (setting the password renews the security stamp the token is bound to).
    /// </summary>
    public static async Task<string> InvitationLinkAsync(UserManager<User> users, IAccountLinks links, User user) =>
        links.ResetPassword(user.Email!, await users.GeneratePasswordResetTokenAsync(user));

    public static async Task GrantAsync(FeedbackDbContext db, Guid userId, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        var names = roleNames.Distinct().ToList();
        var roles = await db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (roles.Count != names.Count)
            throw new ValidationException([new("Roles", "Validation.Invalid")]);
        foreach (var roleId in roles)
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId, RoleId = roleId });
    }
}
