using Feedback.Domain.Identity;
using Feedback.Domain.Identity.Commands;
using Feedback.Domain.Identity.Queries;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Users;

/// <summary>One account: its staff roles and department, and locking it.</summary>
public sealed class EditModel(IMediator mediator, OrganisationCache organisation, TimeProvider clock) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public RolesInput Input { get; set; } = new();
    public UserAccount Account { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public RoleFields Fields { get; private set; } = new([], []);
    public bool IsLocked => Account.IsLocked(clock.GetUtcNow());
    /// <summary>Roles this page does not hand out (Customer, Supervisor), shown for information.</summary>
    public IEnumerable<string> OtherRoles => Account.Roles.Where(r => !AccountRules.AssignableRoles.Contains(r));
    [FromQuery] public bool Created { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = new RolesInput { Roles = Account.Roles.Where(AccountRules.AssignableRoles.Contains).ToList(), DepartmentId = Account.DepartmentId };
        Fields = Fields with { Roles = Input.Roles, Departments = AdminPages.DepartmentOptions(Organisation, Input.DepartmentId) };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        this.EnsureValid([]);
        await mediator.Send(new UpdateStaffAccount(id, Input.Roles, Input.DepartmentId), cancellationToken);
        return Redirect($"/Admin/Users/{id}?saved=true");
    }

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken cancellationToken) => SetLockAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken) => SetLockAsync(id, false, cancellationToken);

    private async Task<IActionResult> SetLockAsync(Guid id, bool locked, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = new RolesInput { Roles = Account.Roles.ToList(), DepartmentId = Account.DepartmentId };
        Fields = Fields with { Roles = Input.Roles };
        await mediator.Send(new SetAccountLock(id, locked), cancellationToken);
        return Redirect($"/Admin/Users/{id}?saved=true");
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Account = await mediator.Send(new GetUserAccount(id), cancellationToken);
        Organisation = await organisation.GetAsync(cancellationToken);
        Fields = new RoleFields(Input.Roles, AdminPages.DepartmentOptions(Organisation, Input.DepartmentId ?? Account.DepartmentId));
    }

    public sealed class RolesInput
    {
        public List<string> Roles { get; set; } = [];
        public Guid? DepartmentId { get; set; }
    }
}
