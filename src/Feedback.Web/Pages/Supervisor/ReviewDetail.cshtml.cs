using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Infrastructure.Supervision;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Supervisor;

/// <summary>One of my reviews: scores, comments, photos and the cases its findings became.</summary>
[Authorize(Policy = SupervisionServices.ServingSupervisor)]
public sealed class ReviewDetailModel(IMediator mediator, OrganisationCache organisation, IAttachmentStore store) : PageModel
{
    public ReviewView Review { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    [TempData(Key = IndexModel.DoneKey)] public string? Done { get; set; }

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
