using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(UserManager<User> users, AccountMailer mailer) : EmailLinkRequestModel(users)
{
    // An unconfirmed account first needs its address confirmed; it gets nothing here.
    protected override Task SendAsync(User user, CancellationToken cancellationToken) =>
        user.EmailConfirmed ? mailer.SendPasswordResetAsync(user, cancellationToken) : Task.CompletedTask;
}
