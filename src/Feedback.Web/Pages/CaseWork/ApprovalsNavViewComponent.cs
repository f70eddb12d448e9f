using Feedback.Domain.Common;
using Feedback.Domain.Publishing.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Pages.CaseWork;

/// <summary>
/// The navigation item of the approval inbox, with how many notices wait as a badge (one COUNT on the
/// inbox's index). Renders nothing for those who have no inbox, without touching the database.
/// </summary>
public sealed class ApprovalsNavViewComponent(IMediator mediator, ICurrentUser user) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!OutcomeApprovals.MayList(user))
            return Content("");
        return View(await mediator.Send(new CountOutcomeApprovals()));
    }
}
