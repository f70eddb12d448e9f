using System.Net;

namespace Feedback.Web.Tests.Account;

public static class Html
{
    /// <summary>The page as text, entities decoded (Razor may write Chinese characters as &amp;#x...;).</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
