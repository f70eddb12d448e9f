using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Pages.Customer;

/// <summary>One of "my cases": the same view and actions as tracking, without a PIN, for the signed-in owner only.</summary>
public sealed class CaseModel(IMediator mediator, OrganisationCache organisation) : SubmitterCasePageModel(mediator, organisation)
{
    protected override SubmitterProof Proof => SubmitterProof.None;

    protected override IActionResult CannotSee(string trackingNumber) => NotFound();
}
