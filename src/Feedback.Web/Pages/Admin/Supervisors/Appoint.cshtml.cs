using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Commands;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Supervisors;

/// <summary>An admin appoints a supervisor for a term; the invitation email goes out with the same unit of work.</summary>
public sealed class AppointModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public AppointInput Input { get; set; } = new();
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        var today = DateOnly.FromDateTime(DateTime.Today);
        Input.StartsOn ??= today;
        Input.EndsOn ??= today.AddYears(2).AddDays(-1);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        var id = await mediator.Send(new AppointSupervisor(Input.Email ?? "", Input.Name ?? "", Input.Affiliation ?? "", Input.ServiceAreaIds,
            Input.StartsOn ?? default, Input.EndsOn ?? default, Input.Culture ?? ""), cancellationToken);
        TempData[DetailModel.DoneKey] = "Supervision.Admin.Appoint.Done";
        return RedirectToPage("/Admin/Supervisors/Detail", new { id });
    }

    public sealed class AppointInput
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Affiliation { get; set; }
        public List<Guid> ServiceAreaIds { get; set; } = [];
        public DateOnly? StartsOn { get; set; }
        public DateOnly? EndsOn { get; set; }
        public string? Culture { get; set; } = "zh-CN";
    }
}
