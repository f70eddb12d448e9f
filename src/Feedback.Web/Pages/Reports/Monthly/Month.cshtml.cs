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

namespace Feedback.Web.Pages.Reports.Monthly;

/// <summary>月度通报: one frozen month, printable (print CSS hides the navigation and keeps tables whole).</summary>
public sealed class MonthModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer) : PageModel
{
    public KpiSnapshot Report { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public IReadOnlyList<KpiTableRow> Table(KpiDimension dimension) => KpiDisplay.Table(Report, dimension, Organisation, localizer, Culture);

    public async Task<IActionResult> OnGetAsync(string month, CancellationToken cancellationToken)
    {
        // A route value that is no month names no report: not found, like a month not frozen.
        if (ReportMonth.Parse(month) is null)
            return NotFound();
        Organisation = await organisation.GetAsync(cancellationToken);
        Report = await mediator.Send(new GetMonthlyReport(month), cancellationToken);
        return Page();
    }
}
