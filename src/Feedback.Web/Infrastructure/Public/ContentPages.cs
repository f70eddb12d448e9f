using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Markdown;
using Feedback.Web.Infrastructure.Web;

namespace Feedback.Web.Infrastructure.Public;

/// <summary>A public page the organisation writes in Markdown: content/pages/{culture}/{slug}.md.</summary>
public sealed record ContentPage(string Slug, string Title, string Html);

/// <summary>
/// Reads the organisation's public pages. The first lines may be front matter between "---" lines
/// (<c>title: …</c>). Rendered through <see cref="MarkdownRenderer"/> like any other Markdown, and kept
/// until the file changes. A page missing in the reader's language falls back to the default language.
/// </summary>
public sealed partial class ContentPages(FeedbackPaths paths)
{
    private readonly ConcurrentDictionary<string, (DateTime Written, ContentPage Page)> _cache = new();

    [GeneratedRegex("^[a-z0-9-]{1,80}$")]
    private static partial Regex SlugPattern();

    /// <returns>The page, or null for an unknown or malformed slug.</returns>
    public ContentPage? Find(string? slug, string culture)
    {
        if (slug is null || !SlugPattern().IsMatch(slug))
            return null;
        foreach (var folder in new[] { StringCatalog.NormaliseCulture(culture), StringCatalog.DefaultCulture }.Distinct())
        {
            var path = Path.Combine(paths.PagesPath, folder, slug + ".md");
            var file = new FileInfo(path);
            if (!file.Exists) continue;
            if (_cache.TryGetValue(path, out var cached) && cached.Written == file.LastWriteTimeUtc)
                return cached.Page;
            var page = Parse(slug, File.ReadAllText(path));
            _cache[path] = (file.LastWriteTimeUtc, page);
            return page;
        }
        return null;
    }

    internal static ContentPage Parse(string slug, string text)
    {
        var (frontMatter, body) = SplitFrontMatter(text.Replace("\r\n", "\n"));
        var title = frontMatter.GetValueOrDefault("title") ?? slug;
        return new ContentPage(slug, title, MarkdownRenderer.ToSafeHtml(body));
    }

    private static (Dictionary<string, string> Values, string Body) SplitFrontMatter(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
            return (values, text);
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
            return (values, text);
        foreach (var line in text[4..end].Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
                values[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"');
        }
        var bodyStart = text.IndexOf('\n', end + 4);
        return (values, bodyStart < 0 ? "" : text[(bodyStart + 1)..]);
    }
}
