using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;

namespace Feedback.Web.Infrastructure.Markdown;

/// <summary>
/// THE way Markdown becomes HTML on a page (DESIGN §6), whoever wrote it: Markdig with raw HTML switched off,
/// then HtmlSanitizer, so no script, event attribute, <c>javascript:</c> link or inline style (which the
/// Content-Security-Policy would block anyway) ever reaches a page. Links get rel="nofollow noopener";
/// tables get Bootstrap's look and header scopes.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Markdown → sanitized HTML, safe to write to a page unencoded.</summary>
    public static string ToSafeHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.PostProcessNode += (_, e) =>
        {
            switch (e.Node)
            {
                case IHtmlAnchorElement link:
                    link.SetAttribute("rel", "nofollow noopener");
                    break;
                case IHtmlTableElement table:
                    table.SetAttribute("class", "table table-sm");
                    break;
                case IHtmlTableHeaderCellElement header when header.ParentElement?.ParentElement is IHtmlTableSectionElement { LocalName: "thead" }:
                    header.SetAttribute("scope", "col");
                    break;
            }
        };
        return sanitizer;
    }
}
