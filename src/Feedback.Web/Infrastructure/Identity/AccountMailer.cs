using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Domain.Notifications;
using Microsoft.AspNetCore.Identity;

namespace Feedback.Web.Infrastructure.Identity;

/// <summary>Queues the confirmation and password-reset emails of the sign-in pages and stores them at once.</summary>
public sealed class AccountMailer(UserManager<User> users, IEmailQueue emails, IAccountLinks links, FeedbackDbContext db)
{
    public async Task SendConfirmationAsync(User user, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        await QueueAsync(user, EmailTemplates.AccountConfirmation, links.ConfirmEmail(user.Id, token), cancellationToken);
    }

    public async Task SendPasswordResetAsync(User user, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await QueueAsync(user, EmailTemplates.PasswordReset, links.ResetPassword(user.Email!, token), cancellationToken);
    }

    private async Task QueueAsync(User user, string template, string link, CancellationToken cancellationToken)
    {
        await emails.QueueAsync(user.Email!, template, user.PreferredCulture,
            new Dictionary<string, string> { ["Name"] = user.DisplayName, ["Link"] = link }, cancellationToken: cancellationToken);
        // The queue only adds the message to the context; it leaves when this is stored.
        await db.SaveChangesAsync(cancellationToken);
    }
}
