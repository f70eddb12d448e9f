using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Publishing.Queries;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Outcomes;

/// <summary>
/// /Outcomes: the public outcome board (整改公示) with filters in the query string (category, area, month,
/// kind, page) so that a filtered page can be linked and works without JavaScript. A value that is not one
/// gets the board again with a message and a 400.
/// </summary>
public sealed class IndexModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    /// <summary>Kinds that can have a published outcome (misconduct reports never do).</summary>
    public static readonly CaseKind[] PublishableKinds = Enum.GetValues<CaseKind>().Where(Domain.Publishing.Outcome.MayBePublished).ToArray();

    [BindProperty(SupportsGet = true)] public Guid? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public CaseKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PagedList<PublishedOutcomeSummary> Outcomes { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        if (string.IsNullOrWhiteSpace(Month)) Month = null;
        Outcomes = await mediator.Send(new ListPublishedOutcomes(Category, Area, Month, Kind, PageNumber), cancellationToken);
        return Page();
    }

    /// <summary>The link to another page of the same filtered board.</summary>
    public string PageLink(int page) =>
        Url.Page("/Outcomes/Index", new { Category, Area, Month, Kind, PageNumber = page }) ?? "/Outcomes";
}
