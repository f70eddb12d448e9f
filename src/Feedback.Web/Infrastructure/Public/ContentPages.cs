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

    /// <summary>
    /// The pages for the site's navigation: every page with a <c>title</c> in its front matter, in the
    /// reader's language (a page only in the default language appears in it), ordered by an optional
    /// <c>order</c> value, then by title. <c>nav: false</c> keeps a page out of the menu.
    /// </summary>
    public IReadOnlyList<(string Slug, string Title)> Navigation(string culture)
    {
        var slugs = new[] { StringCatalog.NormaliseCulture(culture), StringCatalog.DefaultCulture }.Distinct()
            .Select(folder => Path.Combine(paths.PagesPath, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.md"))
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(slug => SlugPattern().IsMatch(slug))
            .Distinct();
        var pages = new List<(string Slug, string Title, int Order)>();
        foreach (var slug in slugs)
        {
            var values = FrontMatterOf(slug, culture);
            if (values.GetValueOrDefault("title") is not { Length: > 0 } title || values.GetValueOrDefault("nav") == "false")
                continue;
            pages.Add((slug, title, int.TryParse(values.GetValueOrDefault("order"), out var order) ? order : int.MaxValue));
        }
        return pages.OrderBy(p => p.Order).ThenBy(p => p.Title, StringComparer.Ordinal).Select(p => (p.Slug, p.Title)).ToList();
    }

    private Dictionary<string, string> FrontMatterOf(string slug, string culture)
    {
        foreach (var folder in new[] { StringCatalog.NormaliseCulture(culture), StringCatalog.DefaultCulture }.Distinct())
        {
            var path = Path.Combine(paths.PagesPath, folder, slug + ".md");
            if (File.Exists(path))
                return SplitFrontMatter(File.ReadAllText(path).Replace("\r\n", "\n")).Values;
        }
        return [];
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
