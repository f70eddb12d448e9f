using System.Text;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// The one rule for a redirect target taken from the request (<c>returnUrl</c> on sign-in and on the language
/// switch): a path on this site or the home page. Never another site (<c>//host</c>, <c>/\host</c>), never a control
/// character, and what is not ASCII is percent-encoded: a Location header carries ASCII only, and the server
/// refuses to send anything else (a 500 after the handler had already done its work).
/// </summary>
public static class LocalUrl
{
    public const int MaxLength = 2048;

    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/'
            || (url.Length > 1 && url[1] is '/' or '\\')
            || !PlainText.IsText(url) || url.Any(char.IsControl))
            return "/";
        if (url.All(char.IsAscii))
            return url;
        var builder = new StringBuilder(url.Length * 3);
        for (var i = 0; i < url.Length; i++)
        {
            if (char.IsAscii(url[i])) { builder.Append(url[i]); continue; }
            var length = char.IsHighSurrogate(url[i]) ? 2 : 1;
            foreach (var b in Encoding.UTF8.GetBytes(url.Substring(i, length)))
                builder.Append('%').Append(b.ToString("X2"));
            i += length - 1;
        }
        return builder.ToString();
    }
}
