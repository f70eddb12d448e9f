using Feedback.Domain.Supervision.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Supervisors;

/// <summary>The appointed supervisors, whether they serve today, and their current term.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public SupervisorList List { get; private set; } = null!;

    public async Task OnGetAsync(int page = 1, CancellationToken cancellationToken = default) =>
        List = await mediator.Send(new ListSupervisors(page), cancellationToken);
}
