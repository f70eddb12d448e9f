using System.Globalization;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Reporting;
using Feedback.Domain.Reporting.Queries;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Reports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Reports;

/// <summary>The cases behind one figure of the dashboard, paged, and all of them as CSV.</summary>
public sealed class CasesModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer, LocalTimeFormatter time) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true), FromQuery(Name = "measure")] public KpiMeasure Measure { get; set; }
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PagedList<KpiCaseRow>? Result { get; private set; }
    /// <summary>Cases behind the figure the viewer may not open: counted, not listed (ADR 0017).</summary>
    public int NotListed { get; private set; }
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(all: false, cancellationToken) ? Page() : BadRequestPage();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(all: true, cancellationToken))
            return BadRequestPage();
        var header = Headers.Select(h => localizer[h].Value).ToList();
        return CsvDownload.File($"cases-{Query.Month ?? "current"}-{Measure.ToString().ToLowerInvariant()}.csv", header, Result!.Items.Select(Cells));
    }

    public static readonly string[] Headers =
    [
        "Reports.Cases.TrackingNumber", "Reports.Filter.Kind", "Reports.Cases.Status", "Reports.Filter.Department", "Reports.Filter.Category",
        "Reports.Filter.Area", "Reports.Cases.Submitted", "Reports.Cases.ContactBy", "Reports.Cases.Contacted", "Reports.Cases.ResolveBy",
        "Reports.Cases.Resolved", "Reports.Cases.Closed", "Reports.Cases.Hours", "Reports.Cases.Repeat", "Reports.Cases.Score",
    ];

    /// <summary>One case as a row of text, the same on the page and in the CSV.</summary>
    public IReadOnlyList<string> Cells(KpiCaseRow row) =>
    [
        row.TrackingNumber, localizer.Enum(row.Kind), localizer.Enum(row.Status),
        row.DepartmentId is null ? localizer["Reports.Row.Triage"] : Organisation.Department(row.DepartmentId)?.Name(Culture) ?? "",
        Organisation.Category(row.CategoryId)?.Name(Culture) ?? "", Organisation.Area(row.ServiceAreaId)?.Name(Culture) ?? "",
        Time(row.SubmittedAt), Time(row.ContactBy), Time(row.FirstContactedAt), Time(row.OriginalResolveBy), Time(row.ResolvedAt), Time(row.ClosedAt),
        KpiDisplay.Hours(row.ResolutionWorkingHours), row.IsRepeatComplaint ? localizer["Reports.Yes"] : "", row.SurveyScore?.ToString(CultureInfo.InvariantCulture) ?? "",
    ];

    private string Time(DateTimeOffset? instant) => instant is { } at ? time.Short(at) : "";

    private async Task<bool> LoadAsync(bool all, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
            return false;
        try
        {
            var list = await mediator.Send(new ListKpiCases(Query.Month, Measure, Query.DepartmentId, Query.CategoryId, Query.ServiceAreaId, Query.Kind,
                PageNumber, Paging.DefaultPageSize, all), cancellationToken);
            (Result, NotListed) = (list.Cases, list.NotListed);
            return true;
        }
        catch (ValidationException error)
        {
            foreach (var e in error.Errors)
                ModelState.AddModelError(e.Field, localizer.Message(e.Code, e.Arguments));
            return false;
        }
    }

    private PageResult BadRequestPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
