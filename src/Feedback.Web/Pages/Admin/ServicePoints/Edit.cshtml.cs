using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision;
using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.ServicePoints;

/// <summary>Adds a service point (no id) or edits one; deactivating hides it from new reviews, history stays.</summary>
public sealed class EditModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public PointInput Input { get; set; } = new();
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        IsNew = id is null;
        if (id is null) return Page();
        var points = await mediator.Send(new ListServicePoints(IncludeInactive: true), cancellationToken);
        if (points.FirstOrDefault(p => p.Id == id) is not { } point) return NotFound();
        Input = new PointInput
        {
            Code = point.Code, NameZh = point.NameZh, NameEn = point.NameEn, Kind = point.Kind, ServiceAreaId = point.ServiceAreaId,
            Address = point.Address, SortOrder = point.SortOrder, IsActive = point.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        IsNew = id is null;
        if (!ModelState.IsValid)
            return this.InvalidPage();
        await mediator.Send(new SaveServicePoint(id, Input.Code ?? "", Input.NameZh ?? "", Input.NameEn ?? "", Input.Kind, Input.ServiceAreaId ?? Guid.Empty,
            Input.Address ?? "", Input.SortOrder, Input.IsActive), cancellationToken);
        return RedirectToPage("/Admin/ServicePoints/Index");
    }

    public sealed class PointInput
    {
        public string? Code { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public ServicePointKind Kind { get; set; }
        public Guid? ServiceAreaId { get; set; }
        public string? Address { get; set; }
        public int SortOrder { get; set; }
        public bool IsActive { get; set; } = true;
    }
}
