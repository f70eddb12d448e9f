using Feedback.Domain.Auditing;
using Feedback.Domain.Auditing.Queries;
using Feedback.Domain.Common;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Reports;
using Feedback.Web.Pages.Staff;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Admin.Audit;

/// <summary>
/// /Admin/Audit: the audit log searched by actor, action, target and dates (days in the organisation's time
/// zone, both ends included), newest first, and the same search as CSV. Read-only: a POST is refused, and
/// nothing in the app changes a line (ADR 0021).
/// </summary>
public sealed class IndexModel(IMediator mediator, LocalTimeFormatter time, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PagedList<AuditEntry>? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await SearchAsync(all: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var result = await SearchAsync(all: true, cancellationToken);
        var header = Columns.Select(c => localizer[c].Value).ToList();
        return CsvDownload.File($"audit-{time.ToLocal(DateTimeOffset.UtcNow):yyyyMMdd-HHmm}.csv", header, result.Items.Select(Cells));
    }

    /// <summary>The log is read-only: a POST is refused rather than shown the page (there is nothing to change).</summary>
    public IActionResult OnPost() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public static readonly string[] Columns =
    [
        "Audit.Column.At", "Audit.Column.Actor", "Audit.Column.ActorId", "Audit.Column.ApiKey", "Audit.Column.Action",
        "Audit.Column.Target", "Audit.Column.Summary", "Audit.Column.Address", "Audit.Column.UserAgent",
    ];

    public IReadOnlyList<string> Cells(AuditEntry e) =>
    [
        time.Short(e.At), ActorName(e), e.ActorUserId?.ToString() ?? "", e.ApiKeyId?.ToString() ?? "", localizer.Enum(e.Action),
        e.TargetId ?? "", e.Summary ?? "", e.IpAddress ?? "", e.UserAgent ?? "",
    ];

    public string ActorName(AuditEntry e) => e.ActorName.Length > 0 ? e.ActorName : localizer["Audit.Anonymous"];

    public string Local(DateTimeOffset at) => time.Short(at);

    public string LinkTo(int pageNumber, string? handler = null) => StaffLinks.To("/Admin/Audit",
    [
        new("handler", handler), new("actor", Actor), new("action", Action?.ToString()), new("target", Target),
        new("from", From?.ToString("yyyy-MM-dd")), new("to", To?.ToString("yyyy-MM-dd")),
        new("pageNumber", pageNumber == 1 ? null : pageNumber.ToString()),
    ]);

    private async Task<PagedList<AuditEntry>> SearchAsync(bool all, CancellationToken cancellationToken)
    {
        // A value that did not bind (a date or action that is not one): the page again with the message, 400.
        if (!ModelState.IsValid)
            throw new ValidationException([]);
        return await mediator.Send(new SearchAuditLog(
            Actor, Action, Target, StartOf(From), StartOf(To?.AddDays(1)), PageNumber, SearchAuditLog.DefaultPageSize, all), cancellationToken);
    }

    private DateTimeOffset? StartOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(d.ToDateTime(TimeOnly.MinValue), time.Zone), TimeSpan.Zero) : null;
}
