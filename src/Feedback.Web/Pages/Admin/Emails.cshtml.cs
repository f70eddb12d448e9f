using Feedback.Domain.Notifications.Commands;
using Feedback.Domain.Notifications.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin;

/// <summary>Outgoing mail for the admin: counts, the emails that failed, and a button to send one again.</summary>
public sealed class EmailsModel(IMediator mediator, IConfiguration configuration) : PageModel
{
    public const string RetriedFlag = "Email.Retried";

    private readonly TimeZoneInfo _timeZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Feedback:TimeZone"] ?? "Asia/Shanghai");

    public EmailProblemsPage Result { get; private set; } = new(new EmailCounts(0, 0, 0), [], 1, 1);

    /// <summary>"p", because "page" is the route value that names the Razor page.</summary>
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public async Task OnGetAsync() => Result = await mediator.Send(new ListEmailProblems(PageNumber));

    public async Task<IActionResult> OnPostRetryAsync(Guid id)
    {
        Result = await mediator.Send(new ListEmailProblems(PageNumber));
        if (id == Guid.Empty)
            return NotFound();
        await mediator.Send(new RetryEmail(id));
        TempData[RetriedFlag] = true;
        return RedirectToPage(new { p = Result.Page });
    }

    public string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _timeZone).ToString("yyyy-MM-dd HH:mm");
}
