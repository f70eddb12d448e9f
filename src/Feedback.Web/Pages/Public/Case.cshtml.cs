using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Pages.Public;

/// <summary>
/// The tracked case, for whoever proved the PIN in the last 30 minutes (or is its signed-in owner). Without
/// that, the visitor is asked for the PIN again; whether the number exists is not revealed.
/// </summary>
public sealed class CaseModel(IMediator mediator, OrganisationCache organisation, TrackedCasesCookie trackedCases)
    : SubmitterCasePageModel(mediator, organisation)
{
    protected override SubmitterProof Proof => trackedCases.Read(HttpContext);

    protected override IActionResult CannotSee(string trackingNumber) =>
        RedirectToPage("/Public/Track", new { number = TrackingNumber.Normalise(trackingNumber) });
}
