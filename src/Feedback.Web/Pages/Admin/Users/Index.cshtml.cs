using Feedback.Domain.Common;
using Feedback.Domain.Identity.Queries;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Users;

public sealed class IndexModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    public const int SearchMaxLength = 100;

    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public UserPage Result { get; private set; } = new([], 1, 1, 0);
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        this.EnsureValid(Check.Optional(Search, nameof(Search), SearchMaxLength));
        Result = await mediator.Send(new ListUsers(Search, PageNumber), cancellationToken);
        return Page();
    }

    public string PageLink(int pageNumber) =>
        $"/Admin/Users?pageNumber={pageNumber}" + (string.IsNullOrWhiteSpace(Search) ? "" : "&search=" + Uri.EscapeDataString(Search));
}
