using Feedback.Domain.Cases;
using Feedback.Domain.Publishing.Queries;
using Feedback.Domain.Rectification.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Pages.CaseWork;

/// <summary>
/// The rectification / decision / publication summary on the staff case page, with a link to the page
/// where they are worked (/Staff/Case/{id}/Outcome). A view component, so the case page needs one line.
/// </summary>
public sealed class CaseOutcomesViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var rectification = await mediator.Send(new GetCaseRectification(caseId, SubmitterProof.None));
        var work = await mediator.Send(new GetOutcomeWork(caseId));
        return View(new CaseOutcomesSummary(rectification, work));
    }
}

public sealed record CaseOutcomesSummary(CaseRectificationView Rectification, OutcomeWorkView Work);
