using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Satisfaction.Commands;
using Feedback.Domain.Satisfaction.Queries;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Public;

/// <summary>
/// 满意度回访: the survey form, reached by the emailed link (/Public/Survey/{token}) or from the tracking page
/// (/Public/Survey?number=… for the submitter who proved the PIN, or the signed-in owner). A wrong or
/// unknown link is a 404 that says nothing more.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SurveyModel(IMediator mediator, TrackedCasesCookie trackedCases) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty] public SurveyInput Input { get; set; } = new();
    [FromRoute] public string? Token { get; set; }
    [FromQuery(Name = "number")] public string? Number { get; set; }

    public SurveyFormView Survey { get; private set; } = null!;

    [TempData] public bool Thanks { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return this.InvalidPage();
        await mediator.Send(new AnswerSurvey(Token, Token is null ? Survey.CaseId : null, Token is null ? trackedCases.Read(HttpContext) : null,
            Input.Score, Input.Resolved, Input.Comment), cancellationToken);
        Thanks = true;
        return Token is null
            ? RedirectToPage("/Public/Case", new { trackingNumber = Survey.TrackingNumber })
            : RedirectToPage(new { token = Token });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Token is not null)
            {
                Survey = await mediator.Send(new GetSurveyForm(Token, null, null), cancellationToken);
                return true;
            }
            var proof = trackedCases.Read(HttpContext);
            var @case = await mediator.Send(new GetSubmitterCase(Number ?? "", proof), cancellationToken);
            Survey = await mediator.Send(new GetSurveyForm(null, @case.Id, proof), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public sealed class SurveyInput
    {
        public int? Score { get; set; }
        public bool? Resolved { get; set; }
        public string? Comment { get; set; }
    }
}
