using Feedback.Domain.Cases;
using Feedback.Domain.Rectification.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Pages.Outcomes;

/// <summary>
/// On the submitter's case page: the rectification they are asked to verify (root cause, measures, progress,
/// evidence) and the decision on their suggestion. Renders nothing when there is neither.
/// </summary>
public sealed class SubmitterRectificationViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, SubmitterProof proof)
    {
        var view = await mediator.Send(new GetCaseRectification(caseId, proof));
        return view.Rectification is null && view.Decision is null ? Content("") : View(view);
    }
}
