using Feedback.Domain.Identity.Commands;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Users;

/// <summary>An admin creates a staff account; the person gets an invitation email to set their password.</summary>
public sealed class CreateModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public StaffInput Input { get; set; } = new();
    public RoleFields Fields { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        this.EnsureValid([]);
        var id = await mediator.Send(new CreateStaffAccount(Input.Email ?? "", Input.DisplayName ?? "", Input.Roles, Input.DepartmentId, Input.Culture ?? ""), cancellationToken);
        return Redirect($"/Admin/Users/{id}?created=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Fields = new RoleFields(Input.Roles, AdminPages.DepartmentOptions(await organisation.GetAsync(cancellationToken), Input.DepartmentId));

    public sealed class StaffInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public List<string> Roles { get; set; } = [];
        public Guid? DepartmentId { get; set; }
        public string? Culture { get; set; } = "zh-CN";
    }
}
