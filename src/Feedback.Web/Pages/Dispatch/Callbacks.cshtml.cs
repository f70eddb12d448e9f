using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Satisfaction.Commands;
using Feedback.Domain.Satisfaction.Queries;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Dispatch;

/// <summary>
/// 回访回拨: customers who answered the survey with 1–2 or "not resolved", oldest first, with their contact
/// details to call them back and a form to note the call (the case then leaves the list).
/// </summary>
public sealed class CallbacksModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public PagedList<CallbackRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string FormPrefix => "";
    public Guid? FailedSurveyId { get; private set; }

    [BindProperty(SupportsGet = true), FromQuery(Name = "done")] public bool Done { get; set; }
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Note { get; set; }
    [TempData] public bool Recorded { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return BadRequest();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid surveyId, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        FailedSurveyId = surveyId;
        await mediator.Send(new RecordCallback(surveyId, Note ?? ""), cancellationToken);
        Recorded = true;
        // "page" is Razor Pages' own route value: the page number goes in the query string by hand.
        return Redirect($"/Dispatch/Callbacks?page={PageNumber}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Result = await mediator.Send(new ListCallbacks(Done, PageNumber), cancellationToken);
    }
}
