using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Routing;
using Feedback.Domain.Routing.Commands;
using Feedback.Domain.Routing.Queries;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Admin.Routing;

/// <summary>
/// The ordered routing rules with move up/down, enable/disable (POST forms, no script), and the try-it panel:
/// a GET form, since trying writes nothing, so a trial can be bookmarked or shared.
/// </summary>
public sealed class IndexModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer) : PageModel, IFormPrefix
{
    public string FormPrefix => "Try";

    [BindProperty(SupportsGet = true)] public TryInput Try { get; set; } = new();
    [FromQuery] public string? Done { get; set; }

    public IReadOnlyList<RoutingRuleSummary> Rules { get; private set; } = [];
    public RoutingText Text { get; private set; } = null!;
    public RoutingTrial? Trial { get; private set; }
    public RoutingInput? Sample { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!Try.Run)
        {
            Try.CategoryId ??= Text.Organisation.ActiveCategories.FirstOrDefault()?.Id;
            Try.ServiceAreaId ??= Text.Organisation.ActiveAreas.FirstOrDefault()?.Id;
            return Page();
        }
        this.EnsureValid([]);
        var query = new TryRouting(Try.Kind, Try.Channel, Try.CategoryId ?? Guid.Empty, Try.ServiceAreaId ?? Guid.Empty,
            Try.Subject, Try.Description, Try.AccusedDepartmentId);
        Trial = await mediator.Send(query, cancellationToken);
        Sample = new RoutingInput(query.Kind, query.Channel, query.CategoryId, query.ServiceAreaId, query.Subject ?? "", query.Description ?? "");
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync([FromForm] Guid id, [FromForm] MoveDirection direction, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        this.EnsureValid([]);
        await mediator.Send(new MoveRoutingRule(id, direction), cancellationToken);
        return Redirect($"/Admin/Routing?done=Moved#rule-{id}");
    }

    public async Task<IActionResult> OnPostEnableAsync([FromForm] Guid id, [FromForm] bool enabled, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        this.EnsureValid([]);
        await mediator.Send(new EnableRoutingRule(id, enabled), cancellationToken);
        return Redirect($"/Admin/Routing?done={(enabled ? "Enabled" : "Disabled")}#rule-{id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Rules = await mediator.Send(new ListRoutingRules(), cancellationToken);
        Text = new RoutingText(localizer, await organisation.GetAsync(cancellationToken));
    }

    public sealed class TryInput
    {
        /// <summary>Set by the try-it form, so that opening the page does not run a trial.</summary>
        public bool Run { get; set; }
        public CaseKind Kind { get; set; } = CaseKind.Complaint;
        public Channel Channel { get; set; } = Channel.Web;
        public Guid? CategoryId { get; set; }
        public Guid? ServiceAreaId { get; set; }
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public Guid? AccusedDepartmentId { get; set; }
    }
}
