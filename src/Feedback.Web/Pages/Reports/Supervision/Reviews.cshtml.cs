using System.Globalization;
using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Reports.Supervision;

/// <summary>For managers: the reviews visited in a month (this month by default), newest first, each opening in full.</summary>
public sealed class ReviewsModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer, LocalTimeFormatter time, TimeProvider clock)
    : PageModel
{
    [BindProperty(SupportsGet = true), FromQuery(Name = "month")] public string? Month { get; set; }
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public ReviewPage? Reviews { get; private set; }
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        var today = time.ToLocal(clock.GetUtcNow());
        int month;
        if (string.IsNullOrWhiteSpace(Month))
            month = today.Year * 100 + today.Month;
        else if (DateOnly.TryParseExact(Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            month = day.Year * 100 + day.Month;
        else
        {
            ModelState.AddModelError(nameof(Month), localizer["Validation.Invalid"]);
            return this.InvalidPage();
        }
        var query = new ListReviews(month, Page: PageNumber);
        foreach (var error in query.Validate())
            ModelState.AddModelError(error.Field == nameof(query.Month) ? nameof(Month) : "page", localizer.Message(error.Code, error.Arguments));
        if (!ModelState.IsValid)
            return this.InvalidPage();
        Month = $"{month / 100:D4}-{month % 100:D2}";
        Reviews = await mediator.Send(query, cancellationToken);
        return Page();
    }
}
