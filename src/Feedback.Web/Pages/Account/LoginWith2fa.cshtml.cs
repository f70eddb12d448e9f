using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Account;

/// <summary>Second step of signing in: the six-digit code from the authenticator app.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginWith2faModel(SignInManager<User> signIn) : TwoFactorStepModel(signIn)
{
    [BindProperty] public CodeInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    protected override (string Field, string? Code) SubmittedCode => (nameof(Input.Code), Input.Code);
    protected override string WrongCodeMessage => "Account.TwoFactor.InvalidCode";

    // Not "remember this browser": a second factor that a cookie can replace is not one.
    protected override Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(SignInManager<User> signIn, string code) =>
        signIn.TwoFactorAuthenticatorSignInAsync(AccountPages.CleanCode(code), RememberMe, rememberClient: false);

    public sealed class CodeInput
    {
        public string? Code { get; set; }
    }
}
