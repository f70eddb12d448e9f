using Feedback.Domain.Supervision.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Supervisors;

/// <summary>The appointed supervisors, whether they serve today, and their current term.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public SupervisorList List { get; private set; } = null!;

    // From the query by name: "page" is also Razor Pages' own route value (the page path), which binding would try first.
    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default) =>
        List = await mediator.Send(new ListSupervisors(page), cancellationToken);
}
