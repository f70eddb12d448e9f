using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision;
using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Supervision;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Supervisor;

/// <summary>监督评议: a serving supervisor scores a service point, department or area and lists what they found.</summary>
[Authorize(Policy = SupervisionServices.ServingSupervisor)]
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class ReviewModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public const int FindingRowsShown = 3;

    public string FormPrefix => "Input";

    [BindProperty] public ReviewInput Input { get; set; } = new();

    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public IReadOnlyList<ServicePointRow> ServicePoints { get; private set; } = [];
    public IReadOnlyList<DimensionRow> Dimensions { get; private set; } = [];
    public string Culture => SupervisorPages.Culture;

    public async Task OnGetAsync(int? findings, CancellationToken cancellationToken)
    {
        await LoadAsync(findings ?? FindingRowsShown, cancellationToken);
        Input.VisitedOn ??= DateOnly.FromDateTime(DateTime.Today);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(FindingRowsShown, cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        var scores = Input.Scores.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!.Value);
        var receipt = await mediator.Send(new SubmitReview(Input.Target, Input.ServicePointId, Input.DepartmentId, Input.ServiceAreaId,
            Input.VisitedOn ?? default, scores, Input.Comments, RaisedItemInput.ToItems(Input.Findings), Input.Photos.ToUploadedFiles(), Culture),
            cancellationToken);
        TempData[IndexModel.DoneKey] = receipt.FindingTrackingNumbers.Count == 0 ? "Supervision.Review.Submitted" : "Supervision.Review.SubmittedWithFindings";
        return RedirectToPage("/Supervisor/ReviewDetail", new { id = receipt.ReviewId });
    }

    private async Task LoadAsync(int findingRows, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        ServicePoints = await mediator.Send(new ListServicePoints(), cancellationToken);
        Dimensions = await mediator.Send(new ListReviewDimensions(), cancellationToken);
        Input.Findings = RaisedItemInput.Rows(Input.Findings, findingRows, Review.MaxFindings);
    }

    public sealed class ReviewInput
    {
        public ReviewTarget Target { get; set; }
        public Guid? ServicePointId { get; set; }
        public Guid? DepartmentId { get; set; }
        public Guid? ServiceAreaId { get; set; }
        public DateOnly? VisitedOn { get; set; }
        public Dictionary<Guid, int?> Scores { get; set; } = [];
        public string? Comments { get; set; }
        public List<RaisedItemInput> Findings { get; set; } = [];
        public List<IFormFile> Photos { get; set; } = [];
    }
}
