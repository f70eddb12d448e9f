using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Commands;
using Feedback.Domain.Organisation.Queries;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Organisation;

/// <summary>Departments, categories or service areas (one page for the three lists): the list and a form to add one.</summary>
public sealed class ListModel(IMediator mediator) : PageModel, IFormPrefix
{
    public const string Route = "/Admin/{list:regex(^(Departments|Categories|ServiceAreas)$)}";

    public string FormPrefix => "Input";

    [FromRoute] public OrganisationList List { get; set; }
    [BindProperty] public EntryInput Input { get; set; } = new();
    public IReadOnlyList<OrganisationEntry> Entries { get; private set; } = [];
    [FromQuery] public string? Created { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.SortOrder = Entries.Count == 0 ? 10 : Entries.Max(e => e.SortOrder) + 10;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        this.EnsureValid([]);
        await mediator.Send(new CreateOrganisationEntry(List, Input.Code ?? "", Input.NameZh ?? "", Input.NameEn ?? "", Input.SortOrder, Input.IsIntegrityOffice), cancellationToken);
        return Redirect($"/Admin/{List}?created={Uri.EscapeDataString(Input.Code!.Trim())}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Entries = await mediator.Send(new ListOrganisationEntries(List), cancellationToken);

    public sealed class EntryInput
    {
        public string? Code { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public int SortOrder { get; set; }
        public bool IsIntegrityOffice { get; set; }
    }
}
