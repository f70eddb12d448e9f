using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Supervision;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Pages.Supervisor;

/// <summary>
/// One of my findings (or forum suggestions), as its submitter sees it: the same view and actions as a
/// customer's case — in particular confirming or rejecting the rectification (验收) with a comment, through
/// the existing ConfirmResolution / RejectResolution commands. Only while the term lasts.
/// </summary>
[Authorize(Policy = SupervisionServices.ServingSupervisor)]
public sealed class FindingModel(IMediator mediator, OrganisationCache organisation) : SubmitterCasePageModel(mediator, organisation)
{
    protected override SubmitterProof Proof => SubmitterProof.None;

    protected override IActionResult CannotSee(string trackingNumber) => NotFound();
}
