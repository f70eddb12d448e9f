using System.Globalization;
using System.Text;
using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Notifications;
using Feedback.Web.Infrastructure.Localization;
using Markdig;

namespace Feedback.Web.Infrastructure.Email;

/// <summary>A rendered email: subject line, HTML body (in the layout) and the plain-text alternative.</summary>
public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);

/// <summary>
/// The email templates <c>{culture}/{template}.md</c>: a first line <c>subject: …</c>, a line <c>---</c>, then
/// the Markdown body. <c>{{Value}}</c> is replaced by a value (<c>{{Value|fallback}}</c> when it may be
/// empty). Every template is loaded and checked once, at start-up, for both cultures: a missing file, a
/// malformed one or a placeholder the template may not use stops the app with the file named.
/// </summary>
public sealed partial class EmailTemplateLibrary
{
    public const int SubjectMaxLength = 300;

    // Markdown from files the organisation edits: raw HTML is shown as text, never passed through.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private readonly Dictionary<(string Template, string Culture), Template> _templates;
    private readonly StringCatalog _strings;

    private EmailTemplateLibrary(Dictionary<(string, string), Template> templates, StringCatalog strings)
    {
        _templates = templates;
        _strings = strings;
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z][A-Za-z0-9]*)\s*(?:\|(?<fallback>[^{}]*))?\}\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"FBVALUE([0-9]+)X")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\[([^\]\n]+)\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\{(lang|title|appName|footer|body)\}")]
    private static partial Regex LayoutSlot();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Loads and checks every template of <see cref="EmailTemplates.Values"/> in every culture.</summary>
    public static EmailTemplateLibrary Load(string folder, StringCatalog strings)
    {
        var templates = new Dictionary<(string, string), Template>();
        var errors = new List<string>();
        foreach (var culture in StringCatalog.Cultures)
        {
            foreach (var (name, allowed) in EmailTemplates.Values)
            {
                var path = Path.Combine(folder, culture, name + ".md");
                if (!File.Exists(path))
                {
                    errors.Add($"{path}: the email template is missing.");
                    continue;
                }
                if (Template.Parse(path, File.ReadAllText(path, Encoding.UTF8), allowed, errors) is { } template)
                    templates[(name, culture)] = template;
            }
        }
        if (errors.Count > 0)
            throw new InvalidOperationException("Email templates are not usable:" + string.Concat(errors.Select(e => Environment.NewLine + " - " + e)));
        return new EmailTemplateLibrary(templates, strings);
    }

    /// <param name="culture">zh-CN or en (anything else falls back to zh-CN).</param>
    /// <param name="values">Plain text; links must already be absolute.</param>
    public RenderedEmail Render(string template, string culture, IReadOnlyDictionary<string, string> values)
    {
        if (!EmailTemplates.Values.TryGetValue(template, out var allowed))
            throw new ArgumentException($"There is no email template '{template}'.", nameof(template));
        if (values.Keys.FirstOrDefault(key => !allowed.Contains(key)) is { } unknown)
            throw new ArgumentException($"The email template '{template}' has no value '{unknown}'.", nameof(values));

        culture = StringCatalog.NormaliseCulture(culture);
        var source = _templates[(template, culture)];
        string Value(Match placeholder) =>
            values.GetValueOrDefault(placeholder.Groups["name"].Value) is { Length: > 0 } value ? value : placeholder.Groups["fallback"].Value;

        var subject = Whitespace().Replace(PlaceholderPattern().Replace(source.Subject, Value), " ").Trim();
        if (subject.Length > SubjectMaxLength) subject = subject[..(SubjectMaxLength - 1)] + "…";

        var footer = Text("Email.Layout.Footer", culture);
        // The plain-text part is the Markdown source, with links spelled out where a reader can copy them.
        var text = PlaceholderPattern().Replace(MarkdownLink().Replace(source.Body, "$1 <$2>"), Value).Trim() + "\n\n-- \n" + footer + "\n";

        // Values never pass through Markdown: each placeholder becomes an inert token, the Markdown is
        // rendered, and then the tokens are replaced by the HTML-escaped values. So a value cannot add a
        // link, an image or markup, whatever it contains.
        var escaped = new List<string>();
        var tokenised = PlaceholderPattern().Replace(source.Body, placeholder =>
        {
            escaped.Add(string.Join("<br />\n", Value(placeholder).Replace("\r\n", "\n").Split('\n').Select(WebUtility.HtmlEncode)));
            return Token(escaped.Count - 1);
        });
        var html = Markdig.Markdown.ToHtml(tokenised, Pipeline).Replace("<blockquote>", QuoteStyle, StringComparison.Ordinal);
        // One pass each, so a value that happens to contain a token or a layout slot is not substituted again.
        var body = TokenPattern().Replace(html, token => escaped[int.Parse(token.Groups[1].Value, CultureInfo.InvariantCulture)]);
        var slots = new Dictionary<string, string>
        {
            ["lang"] = culture,
            ["title"] = WebUtility.HtmlEncode(subject),
            ["appName"] = WebUtility.HtmlEncode(Text("App.Name", culture)),
            ["footer"] = WebUtility.HtmlEncode(footer),
            ["body"] = body,
        };
        var document = LayoutSlot().Replace(Layout, slot => slots[slot.Groups[1].Value]);
        return new RenderedEmail(subject, document, text);
    }

    private string Text(string key, string culture) => _strings.Find(key, CultureInfo.GetCultureInfo(culture)) ?? key;

    // Letters and digits only, so Markdown leaves it alone wherever it stands (text, link target, emphasis).
    private static string Token(int index) => $"FBVALUE{index}X";

    // Email clients ignore style sheets more often than not: what the customer wrote or was told stands out inline.
    private const string QuoteStyle = "<blockquote style=\"margin:0 0 16px;padding:1px 16px;border-left:4px solid #00695c;background:#f3f5f7;\">";

    private const string Layout = """
        <!DOCTYPE html>
        <html lang="{lang}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{title}</title>
        </head>
        <body style="margin:0;padding:0;background:#f3f5f7;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f5f7;">
        <tr><td align="center" style="padding:24px 12px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border:1px solid #dde3e8;border-radius:6px;">
        <tr><td style="padding:16px 24px;background:#00695c;color:#ffffff;font-family:Arial,'Microsoft YaHei',sans-serif;font-size:18px;font-weight:bold;border-radius:6px 6px 0 0;">{appName}</td></tr>
        <tr><td style="padding:24px;font-family:Arial,'Microsoft YaHei',sans-serif;font-size:15px;line-height:1.7;color:#1f2933;">
        {body}
        </td></tr>
        <tr><td style="padding:16px 24px;font-family:Arial,'Microsoft YaHei',sans-serif;font-size:12px;line-height:1.6;color:#616e7c;border-top:1px solid #e4e7eb;">{footer}</td></tr>
        </table>
        </td></tr>
        </table>
        </body>
        </html>
        """;

    private sealed record Template(string Subject, string Body)
    {
        public static Template? Parse(string path, string content, IReadOnlySet<string> allowed, List<string> errors)
        {
            var lines = content.TrimStart('\uFEFF').Replace("\r\n", "\n").Split('\n');
            var first = lines[0].Trim();
            if (!first.StartsWith("subject:", StringComparison.OrdinalIgnoreCase) || first["subject:".Length..].Trim().Length == 0)
            {
                errors.Add($"{path}: the first line must be 'subject: …' with the subject line.");
                return null;
            }
            if (lines.Length < 3 || lines[1].Trim() != "---")
            {
                errors.Add($"{path}: the second line must be '---', followed by the Markdown body.");
                return null;
            }
            var template = new Template(first["subject:".Length..].Trim(), string.Join('\n', lines[2..]));
            if (template.Body.Trim().Length == 0)
                errors.Add($"{path}: the body is empty.");

            var before = errors.Count;
            foreach (var text in (string[])[template.Subject, template.Body])
            {
                foreach (Match placeholder in PlaceholderPattern().Matches(text))
                {
                    var name = placeholder.Groups["name"].Value;
                    if (!allowed.Contains(name))
                        errors.Add($"{path}: unknown placeholder {{{{{name}}}}}; this template may use {string.Join(", ", allowed.Order().Select(a => "{{" + a + "}}"))}.");
                }
                if (PlaceholderPattern().Replace(text, "").Contains("{{", StringComparison.Ordinal))
                    errors.Add($"{path}: a '{{{{' that is not a placeholder like {{{{Name}}}}.");
            }
            return errors.Count == before ? template : null;
        }
    }
}
