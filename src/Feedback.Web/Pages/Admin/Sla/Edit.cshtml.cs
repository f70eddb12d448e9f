using Feedback.Domain.Common;
using Feedback.Domain.Sla;
using Feedback.Domain.Sla.Commands;
using Feedback.Domain.Sla.Queries;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Sla;

/// <summary>Change one policy's ContactBy and ResolveBy targets (its conditions come from content/setup).</summary>
public sealed class EditModel(IMediator mediator) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public TargetsInput Input { get; set; } = new();
    public SlaPolicySummary Policy { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new TargetsInput
        {
            ContactAmount = Policy.ContactTarget.Amount, ContactUnit = Policy.ContactTarget.Unit,
            ResolveAmount = Policy.ResolveTarget.Amount, ResolveUnit = Policy.ResolveTarget.Unit,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        this.EnsureValid([]);
        await mediator.Send(new UpdateSlaTargets(Id, Input.ContactAmount, Input.ContactUnit, Input.ResolveAmount, Input.ResolveUnit), cancellationToken);
        return Redirect($"/Admin/Sla?done=Saved#policy-{Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Policy = (await mediator.Send(new ListSlaPolicies(), cancellationToken)).FirstOrDefault(p => p.Id == Id) ?? throw new NotFoundException();

    public sealed class TargetsInput
    {
        public int ContactAmount { get; set; }
        public TargetUnit ContactUnit { get; set; }
        public int ResolveAmount { get; set; }
        public TargetUnit ResolveUnit { get; set; }
    }
}
