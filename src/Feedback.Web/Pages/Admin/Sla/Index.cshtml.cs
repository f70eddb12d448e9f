using Feedback.Domain.Organisation;
using Feedback.Domain.Sla.Queries;
using Feedback.Web.Pages.Admin.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Admin.Sla;

/// <summary>The SLA policies (服务承诺时限) in the order they are tried, with their targets.</summary>
public sealed class IndexModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer) : PageModel
{
    [FromQuery] public string? Done { get; set; }
    public IReadOnlyList<SlaPolicySummary> Policies { get; private set; } = [];
    public RoutingText Text { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Policies = await mediator.Send(new ListSlaPolicies(), cancellationToken);
        Text = new RoutingText(localizer, await organisation.GetAsync(cancellationToken));
    }
}
