using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.ServicePoints;

/// <summary>营业厅 and 收费网点: the places reviews and cases can name.</summary>
public sealed class IndexModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    public IReadOnlyList<ServicePointRow> Points { get; private set; } = [];
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Points = await mediator.Send(new ListServicePoints(IncludeInactive: true), cancellationToken);
    }
}
