using System.Text;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Email;
using Microsoft.AspNetCore.WebUtilities;

namespace Feedback.Web.Infrastructure.Identity;

/// <summary>
/// Links in account emails, on the site's one configured address (Feedback:PublicBaseUrl, as every email
/// link): never the request's Host header, which a stranger could forge to send a reset link elsewhere.
/// Tokens travel Base64Url-encoded so that no character needs escaping in mail clients.
/// </summary>
public sealed class AccountLinks(EmailOptions options) : IAccountLinks
{
    public const string ConfirmEmailPath = "/Account/ConfirmEmail";
    public const string ResetPasswordPath = "/Account/ResetPassword";

    public string ConfirmEmail(Guid userId, string token) =>
        Absolute($"{ConfirmEmailPath}?userId={userId}&code={Encode(token)}");

    public string ResetPassword(string email, string token) =>
        Absolute($"{ResetPasswordPath}?email={Uri.EscapeDataString(email)}&code={Encode(token)}");

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token inside a link's code, or null when the code has been mangled.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private string Absolute(string pathAndQuery) => options.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + pathAndQuery;
}
