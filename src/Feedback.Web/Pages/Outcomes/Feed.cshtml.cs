using System.Xml.Linq;
using Feedback.Domain.Publishing.Queries;
using Feedback.Web.Infrastructure.Markdown;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Outcomes;

/// <summary>
/// /Outcomes/feed.atom: the newest published outcomes as an Atom 1.0 feed (RFC 4287). Entry content is the
/// same sanitized HTML as the page (masked at saving), escaped by the XML writer; characters XML cannot carry
/// are dropped by <see cref="XmlOutput"/>.
/// </summary>
public sealed class FeedModel(IMediator mediator, IStringLocalizer localizer) : PageModel
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcomes = await mediator.Send(new ListOutcomeFeed(), cancellationToken);
        var site = $"{Request.Scheme}://{Request.Host}";
        var updated = outcomes.Count > 0 ? outcomes.Max(o => o.PublishedAt) : DateTimeOffset.UnixEpoch;
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "id", $"{site}/Outcomes"),
            new XElement(Atom + "title", localizer["Outcomes.Board.Title"].Value),
            new XElement(Atom + "updated", Instant(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", localizer["App.Name"].Value)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/Outcomes/feed.atom")),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/Outcomes")),
            outcomes.Select(o => new XElement(Atom + "entry",
                new XElement(Atom + "id", $"urn:uuid:{o.Id}"),
                new XElement(Atom + "title", o.Title),
                new XElement(Atom + "updated", Instant(o.PublishedAt)),
                new XElement(Atom + "published", Instant(o.PublishedAt)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", $"{site}/Outcomes/{o.Id}")),
                new XElement(Atom + "content", new XAttribute("type", "html"), MarkdownRenderer.ToSafeHtml(o.Markdown)))));
        var xml = new XDocument(new XDeclaration("1.0", "utf-8", null), feed);
        return File(XmlOutput.ToUtf8(xml), "application/atom+xml; charset=utf-8");
    }

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
