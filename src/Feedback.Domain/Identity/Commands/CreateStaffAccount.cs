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
    : ICommand<Guid>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Common.Roles.Admin);

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
        var email = command.Email.Trim();
        var normalisedEmail = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalisedEmail || u.NormalizedUserName == normalisedEmail, cancellationToken))
            throw new ValidationException([new(nameof(command.Email), "Admin.Users.EmailTaken")]);
        await StaffAccounts.CheckDepartmentAsync(db, command.DepartmentId, cancellationToken);

        var user = new User
        {
            UserName = email,
            NormalizedUserName = users.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalisedEmail,
            EmailConfirmed = true,
            DisplayName = command.DisplayName.Trim(),
            DepartmentId = command.DepartmentId,
            PreferredCulture = command.Culture,
            CreatedAt = clock.GetUtcNow(),
            MustSetUpTwoFactor = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(user);
        await StaffAccounts.GrantAsync(db, user.Id, command.Roles, cancellationToken);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await emails.QueueAsync(email, EmailTemplates.StaffInvitation, user.PreferredCulture, new Dictionary<string, string>
        {
            ["Name"] = user.DisplayName,
            ["Link"] = links.ResetPassword(email, token),
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
