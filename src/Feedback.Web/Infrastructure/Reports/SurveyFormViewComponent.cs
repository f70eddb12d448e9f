using Feedback.Domain.Common;
using Feedback.Domain.Satisfaction.Queries;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Pages.Shared;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Infrastructure.Reports;

/// <summary>
/// The survey form on the tracking page (and "my case"): shown once the case has a survey, to the submitter
/// the page already recognised; posts to /Public/Survey. Nothing at all when there is no survey.
/// </summary>
public sealed class SurveyFormViewComponent(IMediator mediator, TrackedCasesCookie trackedCases) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId, string trackingNumber)
    {
        try
        {
            var survey = await mediator.Send(new GetSurveyForm(null, caseId, trackedCases.Read(HttpContext)));
            return View("/Pages/Shared/_SurveyForm.cshtml", new SurveyFormModel(survey, $"/Public/Survey?number={Uri.EscapeDataString(trackingNumber)}", HeadingLevel: 2));
        }
        catch (NotFoundException)
        {
            return Content("");
        }
    }
}
