using System.Globalization;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Publishing.Queries;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Outcomes;

/// <summary>/Outcomes/Suggestions: suggestions the organisation adopted (fully or partly), with the reason, masked.</summary>
public sealed class SuggestionsModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PagedList<AdoptedSuggestion> Suggestions { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        Suggestions = await mediator.Send(new ListAdoptedSuggestions(PageNumber), cancellationToken);
        return Page();
    }
}
