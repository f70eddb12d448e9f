using Feedback.Domain.Organisation;
using Feedback.Domain.Routing.Commands;
using Feedback.Domain.Routing.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Admin.Routing;

/// <summary>Asks before deleting a rule (a page of its own, so it works without script).</summary>
public sealed class DeleteModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer) : PageModel
{
    [FromRoute] public Guid Id { get; set; }

    public RoutingRuleSummary Rule { get; private set; } = null!;
    public RoutingText Text { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await mediator.Send(new DeleteRoutingRule(Id), cancellationToken);
        return Redirect("/Admin/Routing?done=Deleted");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rule = await mediator.Send(new GetRoutingRule(Id), cancellationToken);
        Text = new RoutingText(localizer, await organisation.GetAsync(cancellationToken));
    }
}
