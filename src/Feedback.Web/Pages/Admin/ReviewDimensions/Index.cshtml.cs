using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.ReviewDimensions;

/// <summary>
/// The dimensions reviews are scored on: add, rename, reorder, retire or bring back. Scores are kept against
/// the dimension, so none of this changes history; there is deliberately no delete.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public DimensionInput Input { get; set; } = new();
    public IReadOnlyList<DimensionRow> Dimensions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Dimensions = await mediator.Send(new ListReviewDimensions(IncludeInactive: true), cancellationToken);

    /// <summary>Adds (no id) or saves one row.</summary>
    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Dimensions = await mediator.Send(new ListReviewDimensions(IncludeInactive: true), cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        await mediator.Send(new SaveReviewDimension(id, Input.Code ?? "", Input.NameZh ?? "", Input.NameEn ?? "", Input.SortOrder, Input.IsActive),
            cancellationToken);
        return RedirectToPage();
    }

    public sealed class DimensionInput
    {
        public string? Code { get; set; }
        public string? NameZh { get; set; }
        public string? NameEn { get; set; }
        public int SortOrder { get; set; }
        public bool IsActive { get; set; } = true;
    }
}
