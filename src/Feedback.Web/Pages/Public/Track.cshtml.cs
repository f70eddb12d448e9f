using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Security;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Public;

/// <summary>
/// 查询进度: tracking number + PIN, always POSTed (URLs get logged). An unknown number and a wrong PIN get the
/// same answer. Rate-limited against guessing. On success the PIN is remembered in an encrypted cookie and
/// the visitor is sent to the case page, whose URL holds only the tracking number.
/// </summary>
[EnableRateLimiting(RateLimits.Tracking)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class TrackModel(IMediator mediator, TrackedCasesCookie trackedCases, IStringLocalizer localizer, GuessingLimits limits) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty]
    public TrackInput Input { get; set; } = new();

    public void OnGet(string? number)
    {
        var normalised = TrackingNumber.Normalise(number);
        if (TrackingNumber.LooksValid(normalised))
            Input.TrackingNumber = normalised;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.TrackingNumber))
            ModelState.AddModelError("Input.TrackingNumber", localizer["Validation.Required"]);
        if (string.IsNullOrWhiteSpace(Input.Pin))
            ModelState.AddModelError("Input.Pin", localizer["Validation.Required"]);
        if (!ModelState.IsValid)
            return this.InvalidPage();

        var number = TrackingNumber.Normalise(Input.TrackingNumber);
        var pin = Input.Pin!.Trim();
        // Besides the per-address limit: wrong PINs per tracking number, so that many addresses together
        // cannot work through the million PINs of one case. Taken before the case is looked up and counted
        // for unknown numbers too (the answer never says whether the case exists); a right PIN gives it back.
        if (limits.TryBeginTracking(number) is { } minutes)
        {
            ModelState.AddModelError(string.Empty, localizer["Public.Track.Throttled", minutes]);
            return this.InvalidPage();
        }
        SubmitterCaseView found;
        try
        {
            found = await mediator.Send(new GetSubmitterCase(number, SubmitterProof.Pin(number, pin)), cancellationToken);
        }
        catch (NotFoundException)
        {
            ModelState.AddModelError(string.Empty, localizer["Public.Track.NotFound"]);
            return this.InvalidPage();
        }
        limits.TrackingSucceeded(number);
        trackedCases.Remember(HttpContext, found.TrackingNumber, pin);
        return RedirectToPage("/Public/Case", new { trackingNumber = found.TrackingNumber });
    }

    public sealed class TrackInput
    {
        public string? TrackingNumber { get; set; }
        public string? Pin { get; set; }
    }
}
