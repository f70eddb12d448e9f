using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Supervisor;

/// <summary>The supervisor's dashboard: my term, what awaits my verification, my findings, my reviews.</summary>
public sealed class IndexModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    public const string DoneKey = "Supervision.Done";

    public SupervisorDashboard Dashboard { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    [Microsoft.AspNetCore.Mvc.TempData(Key = DoneKey)] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Dashboard = await mediator.Send(new GetSupervisorDashboard(), cancellationToken);
    }
}
