using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Commands;
using Feedback.Domain.Organisation.Queries;
using Feedback.Web.Infrastructure.Identity;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Organisation;

/// <summary>Rename, reorder or (de)activate one department, category or service area. The code stays.</summary>
public sealed class EditModel(IMediator mediator) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [FromRoute] public OrganisationList List { get; set; }
    [FromRoute] public Guid Id { get; set; }
    [BindProperty] public EntryInput Input { get; set; } = new();
    public OrganisationEntry Entry { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input = new EntryInput { NameZh = Entry.NameZh, NameEn = Entry.NameEn, SortOrder = Entry.SortOrder, IsActive = Entry.IsActive, IsIntegrityOffice = Entry.IsIntegrityOffice };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        this.EnsureValid([]);
        await mediator.Send(new UpdateOrganisationEntry(List, Id, Input.NameZh ?? "", Input.NameEn ?? "", Input.SortOrder, Input.IsActive, Input.IsIntegrityOffice), cancellationToken);
        return Redirect($"/Admin/{List}?saved=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var entries = await mediator.Send(new ListOrganisationEntries(List), cancellationToken);
        Entry = entries.FirstOrDefault(e => e.Id == Id) ?? throw new NotFoundException();
    }

    public sealed class EntryInput
    {
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public int SortOrder { get; set; }
        public bool IsActive { get; set; }
        public bool IsIntegrityOffice { get; set; }
    }
}
