using System.Globalization;
using Feedback.Domain.Organisation;
using Feedback.Domain.Reporting;
using Feedback.Domain.Reporting.Queries;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Reports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Reports;

/// <summary>
/// The manager dashboard (/Reports): a month's KPIs against the month before and a year before, the 12-month
/// trend (a chart, and the same figures as a table), the table by department / category / area / kind with
/// every figure linking to its cases, and the table as CSV.
/// </summary>
public sealed class IndexModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public ReportQuery Query { get; set; } = new();

    public DashboardView? View { get; private set; }
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);
    public IReadOnlyList<KpiTableRow> Table { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return BadRequestPage();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return BadRequestPage();
        var header = new List<string> { localizer[$"Reports.By.{Query.By}"] };
        header.AddRange(KpiDisplay.Columns.Select(c => localizer[c.LabelKey].Value));
        header.Add(localizer["Reports.Kpi.P90Hours"]);
        var rows = Table.Select(r => (IReadOnlyList<string>)[r.Name, .. KpiDisplay.Columns.Select(c => KpiDisplay.Format(c, r.Counts)), KpiDisplay.Hours(r.P90Hours)])
            .Append([localizer["Reports.Total"], .. KpiDisplay.Columns.Select(c => KpiDisplay.Format(c, View!.Selected.Total)), KpiDisplay.Hours(View!.Selected.P90())]);
        return CsvDownload.File($"kpis-{View!.Month}-{Query.By.ToString().ToLowerInvariant()}.csv", header, rows);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
            return false;
        try
        {
            View = await mediator.Send(new GetDashboard(Query.Month, Query.DepartmentId, Query.CategoryId, Query.ServiceAreaId, Query.Kind, Query.By), cancellationToken);
        }
        catch (Feedback.Domain.Common.ValidationException error)
        {
            foreach (var e in error.Errors)
                ModelState.AddModelError(e.Field, localizer.Message(e.Code, e.Arguments));
            return false;
        }
        Table = KpiDisplay.Table(View.Selected, Query.By, Organisation, localizer, Culture);
        return true;
    }

    private PageResult BadRequestPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
