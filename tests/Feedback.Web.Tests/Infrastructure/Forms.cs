using System.Net;
using System.Text.RegularExpressions;

namespace Feedback.Web.Tests.Infrastructure;

/// <summary>
/// Posting forms the way a browser does: fetch the page, take its antiforgery token, post the fields.
/// </summary>
public static partial class Forms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>GETs <paramref name="pageUrl"/>, then POSTs the fields (plus the token) to <paramref name="postUrl"/> (default: the same page).</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {pageUrl} gave {(int)page.StatusCode}");
        var all = fields.Append(new("__RequestVerificationToken", AntiforgeryToken(html)));
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(all));
    }

    /// <summary>Multipart version for forms with file inputs. Files: (field name, file name, bytes).</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields, IEnumerable<(string Field, string FileName, byte[] Content)> files, string? postUrl = null)
    {
        var html = await client.GetStringAsync(pageUrl);
        var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Append(new("__RequestVerificationToken", AntiforgeryToken(html))))
            content.Add(new StringContent(value), key);
        foreach (var (field, fileName, bytes) in files)
            content.Add(new ByteArrayContent(bytes), field, fileName);
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    public static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);
}
