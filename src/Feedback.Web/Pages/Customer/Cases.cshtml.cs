using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Customer;

/// <summary>我的工单: the cases the signed-in person filed, newest first, by status, a page at a time.</summary>
public sealed class CasesModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    // Not "page": Razor Pages keep that route value for the page's own path.
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public PagedList<MyCaseRow>? Result { get; private set; }
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        Result = await mediator.Send(new ListMyCases(Status, PageNumber), cancellationToken);
        return Page();
    }

    public string PageLink(int page) =>
        Status is { } status ? $"/Customer/Cases?status={status}&pageNumber={page}" : $"/Customer/Cases?pageNumber={page}";
}
