using System.Globalization;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Account;

/// <summary>
/// Customers register themselves (staff accounts come from an admin). Whether the address already has an
/// account is never shown: every accepted form ends on the same "check your email" notice.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterModel(UserManager<User> users, AccountMailer mailer, FeedbackDbContext db, TimeProvider clock) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public RegisterInput Input { get; set; } = new();

    public void OnGet() => Input.Culture = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        this.EnsureValid(Input.Validate());
        var email = Input.Email!.Trim();
        var user = new User
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName!.Trim(),
            PreferredCulture = Input.Culture!,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        // The password is judged before the address is looked up, so a weak one is refused the same way
        // whether or not the address is taken.
        await CheckPasswordAsync(user);

        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
            await CreateAsync(user, cancellationToken);
        else if (!existing.EmailConfirmed)
            await mailer.SendConfirmationAsync(existing, cancellationToken);
        else
            _ = users.PasswordHasher.HashPassword(existing, Input.Password!); // same work as a new account, so timing tells nothing
        return RedirectToPage("/Account/Notice", new { kind = NoticeModel.CheckEmail });
    }

    private async Task CheckPasswordAsync(User user)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password!);
            if (!result.Succeeded) throw result.ToValidationException(users.Options.Password.RequiredLength);
        }
    }

    /// <summary>Account, role and confirmation email in one transaction: UserManager saves each step on its own.</summary>
    private async Task CreateAsync(User user, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, Input.Password!);
        if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            return; // registered a moment ago by a parallel request: treated like any taken address
        if (!created.Succeeded) throw created.ToValidationException(users.Options.Password.RequiredLength);
        var role = await users.AddToRoleAsync(user, Roles.Customer);
        if (!role.Succeeded) throw new InvalidOperationException($"Adding the Customer role failed: {role.Errors.First().Code}");
        await mailer.SendConfirmationAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public sealed class RegisterInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public string? ConfirmPassword { get; set; }
        public string? Culture { get; set; } = StringCatalog.DefaultCulture;

        public IEnumerable<ValidationError> Validate()
        {
            foreach (var e in AccountPages.Email(Email)) yield return e;
            foreach (var e in Check.Required(DisplayName, nameof(DisplayName), AccountRules.DisplayNameMaxLength)) yield return e;
            foreach (var e in AccountPages.NewPassword(Password, ConfirmPassword)) yield return e;
            if (!AccountRules.IsSupportedCulture(Culture)) yield return new(nameof(Culture), "Validation.Invalid");
        }
    }
}
