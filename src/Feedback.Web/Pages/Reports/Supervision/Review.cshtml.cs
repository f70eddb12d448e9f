using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Reports.Supervision;

/// <summary>For managers: one review in full, as its supervisor sees it; its findings open as cases.</summary>
public sealed class ReviewModel(IMediator mediator, OrganisationCache organisation, IAttachmentStore store) : PageModel
{
    public ReviewView Review { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Review = await mediator.Send(new GetReview(id), cancellationToken);
    }

    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid photoId, CancellationToken cancellationToken)
    {
        var photo = await mediator.Send(new GetReviewPhoto(id, photoId), cancellationToken);
        return File(store.OpenRead(photo.StorageKey), photo.ContentType, photo.FileName);
    }
}
