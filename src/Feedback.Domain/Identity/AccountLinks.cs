namespace Feedback.Domain.Identity;

/// <summary>
/// The absolute links that account emails carry (confirm the address, set or reset a password). The web edge
/// knows the site's public address and its page routes; the domain only asks for the link.
/// </summary>
public interface IAccountLinks
{
    string ConfirmEmail(Guid userId, string token);
    string ResetPassword(string email, string token);
}
