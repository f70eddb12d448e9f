using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Supervisors;

/// <summary>One supervisor: details, every term (history), and reappointment.</summary>
public sealed class DetailModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public const string DoneKey = "Supervision.Admin.Done";

    public string FormPrefix => "Input";

    [BindProperty] public ReappointInput Input { get; set; } = new();
    public SupervisorView Supervisor { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    [TempData(Key = DoneKey)] public string? Done { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        var last = Supervisor.Terms[^1].EndsOn;
        Input.EndsOn ??= (last > Supervisor.Today ? last : Supervisor.Today).AddYears(2);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        await mediator.Send(new ReappointSupervisor(id, Input.EndsOn ?? default), cancellationToken);
        Done = "Supervision.Admin.Reappoint.Done";
        return RedirectToPage(new { id });
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Supervisor = await mediator.Send(new GetSupervisor(id), cancellationToken);
    }

    public sealed class ReappointInput
    {
        public DateOnly? EndsOn { get; set; }
    }
}
