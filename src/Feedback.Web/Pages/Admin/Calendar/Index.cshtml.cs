using System.Globalization;
using System.Text;
using Feedback.Domain.Common;
using Feedback.Domain.Sla.Commands;
using Feedback.Domain.Sla.Queries;
using Feedback.Web.Pages.Admin.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Admin.Calendar;

/// <summary>
/// The stored working-calendar years and the upload of a year's file. A refused file is answered with 400
/// and every problem with its line, in the reader's language; nothing is stored.
/// </summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer localizer) : PageModel
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [BindProperty] public IFormFile? Upload { get; set; }
    [FromQuery] public int? Stored { get; set; }
    [FromQuery] public bool Replaced { get; set; }

    public IReadOnlyList<CalendarYearSummary> Years { get; private set; } = [];
    /// <summary>The problems of a refused file, each already in the reader's language.</summary>
    public IReadOnlyList<string> FileErrors { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (await ReadUploadAsync(cancellationToken) is not { } content)
            return Refused();
        try
        {
            var stored = await mediator.Send(new ReplaceCalendarYear(content), cancellationToken);
            return Redirect($"/Admin/Calendar?stored={stored.Year}&replaced={(stored.Replaced ? "true" : "false")}");
        }
        catch (CalendarFileRejectedException rejected)
        {
            var culture = CultureInfo.CurrentUICulture.Name;
            FileErrors = rejected.Errors.OrderBy(e => e.Line).Select(e => e.Line > 0
                    ? localizer["Routing.Calendar.LineError", e.Line, DataFileErrors.Format(e.Code, e.Args, culture)].Value
                    : DataFileErrors.Format(e.Code, e.Args, culture))
                .ToList();
            return Refused();
        }
    }

    /// <summary>The file as text, or null (with the reason in <see cref="FileErrors"/>) when it is missing, too large or not UTF-8.</summary>
    private async Task<string?> ReadUploadAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            FileErrors = [localizer["Routing.Calendar.NoFile"]];
            return null;
        }
        if (Upload.Length > ReplaceCalendarYear.MaxBytes)
        {
            FileErrors = [localizer["Routing.Calendar.TooLarge", ReplaceCalendarYear.MaxBytes / 1024]];
            return null;
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            FileErrors = [localizer["Routing.Calendar.NotUtf8"]];
            return null;
        }
    }

    private PageResult Refused()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Years = await mediator.Send(new ListCalendarYears(), cancellationToken);
}
