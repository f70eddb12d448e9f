using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Account;

/// <summary>Second step of signing in without the phone: one of the recovery codes (each works once).</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn) : TwoFactorStepModel(signIn)
{
    [BindProperty] public RecoveryInput Input { get; set; } = new();

    protected override (string Field, string? Code) SubmittedCode => (nameof(Input.RecoveryCode), Input.RecoveryCode);
    protected override string WrongCodeMessage => "Account.TwoFactor.InvalidRecoveryCode";

    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> signIn, string code) =>
        signIn.TwoFactorRecoveryCodeSignInAsync(AccountPages.CleanRecoveryCode(code));

    public sealed class RecoveryInput
    {
        public string? RecoveryCode { get; set; }
    }
}
