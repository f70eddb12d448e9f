using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResendConfirmationModel(UserManager<User> users, AccountMailer mailer) : EmailLinkRequestModel(users)
{
    protected override Task SendAsync(User user, CancellationToken cancellationToken) =>
        user.EmailConfirmed ? Task.CompletedTask : mailer.SendConfirmationAsync(user, cancellationToken);
}
