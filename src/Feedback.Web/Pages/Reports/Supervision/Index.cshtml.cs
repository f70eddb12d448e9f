using System.Globalization;
using CsvHelper;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Feedback.Domain.Organisation;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Pages.Supervisor;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Reports.Supervision;

/// <summary>
/// For managers: average scores per service point and dimension by month (a table with bars), findings per
/// department, and each supervisor's activity in their term; each part downloadable as CSV.
/// </summary>
public sealed class IndexModel(IMediator mediator, OrganisationCache organisation, IStringLocalizer localizer, LocalTimeFormatter time, TimeProvider clock) : PageModel
{
    public const int DefaultMonths = 6;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public SupervisionReport Report { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture => SupervisorPages.Culture;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : this.InvalidPage();

    /// <param name="part">scores, departments or supervisors.</param>
    public async Task<IActionResult> OnGetCsvAsync(string? part, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
            return this.InvalidPage();
        var text = Culture;
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = CsvWriter.Create(writer, new CsvWriterOptions(), leaveOpen: true))
        {
            switch (part)
            {
                case "scores":
                    Header(csv, "Supervision.Report.ServicePoint", "Supervision.Report.Dimension", "Supervision.Report.Month", "Supervision.Report.Average", "Supervision.Report.Count");
                    foreach (var cell in Report.Scores)
                        Row(csv, text == "en" ? cell.ServicePointEn : cell.ServicePointZh, text == "en" ? cell.DimensionEn : cell.DimensionZh,
                            MonthText(cell.Month), cell.Average.ToString("0.00", CultureInfo.InvariantCulture), cell.Count.ToString(CultureInfo.InvariantCulture));
                    break;
                case "departments":
                    Header(csv, "Supervision.Field.Department", "Supervision.Report.Total", "Supervision.Report.Open", "Supervision.Report.AwaitingVerification", "Supervision.Report.Closed");
                    foreach (var d in Report.FindingsByDepartment)
                        Row(csv, DepartmentName(d.DepartmentId), N(d.Total), N(d.Open), N(d.AwaitingVerification), N(d.Closed));
                    break;
                case "supervisors":
                    Header(csv, "Supervision.Field.Name", "Supervision.Field.Affiliation", "Supervision.Field.StartsOn", "Supervision.Field.EndsOn",
                        "Supervision.Report.Reviews", "Supervision.Report.Findings", "Supervision.Report.Verifications");
                    foreach (var a in Report.Activity)
                        Row(csv, a.Name, a.Affiliation, SupervisorPages.Date(a.TermStartsOn), SupervisorPages.Date(a.TermEndsOn), N(a.Reviews), N(a.Findings), N(a.Verifications));
                    break;
                default:
                    return NotFound();
            }
        }
        // A byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
        var bytes = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble()
            .Concat(System.Text.Encoding.UTF8.GetBytes(writer.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"supervision-{part}-{Report.Months[0]}-{Report.Months[^1]}.csv");
    }

    public string MonthText(int month) => $"{month / 100}-{month % 100:00}";

    public string DepartmentName(Guid? id) =>
        Organisation.Department(id)?.Name(Culture) ?? localizer["Supervision.Findings.Triage"];

    /// <returns>False when the period asked for is not valid: the default period is shown with the errors (400).</returns>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        var today = time.ToLocal(clock.GetUtcNow());
        var defaultTo = today.Year * 100 + today.Month;
        var to = ParseMonth(To, nameof(To));
        var from = ParseMonth(From, nameof(From));
        var query = new GetSupervisionReport(from ?? ShiftMonths(to ?? defaultTo, -(DefaultMonths - 1)), to ?? defaultTo);
        foreach (var error in ModelState.IsValid ? query.Validate() : [])
            ModelState.AddModelError(error.Field == nameof(query.FromMonth) ? nameof(From) : nameof(To), localizer.Message(error.Code, error.Arguments));
        if (!ModelState.IsValid)
            query = new GetSupervisionReport(ShiftMonths(defaultTo, -(DefaultMonths - 1)), defaultTo);
        Report = await mediator.Send(query, cancellationToken);
        if (ModelState.IsValid)
        {
            From = MonthText(query.FromMonth);
            To = MonthText(query.ToMonth);
        }
        return ModelState.IsValid;
    }

    /// <summary>"2026-11" → 202611; anything else is a field error (400), not silently ignored.</summary>
    private int? ParseMonth(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day.Year * 100 + day.Month;
        ModelState.AddModelError(field, localizer["Validation.Invalid"]);
        return null;
    }

    private static int ShiftMonths(int month, int by)
    {
        var index = GetSupervisionReport.MonthIndex(month) + by;
        return index / 12 * 100 + index % 12 + 1;
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Header(CsvWriter csv, params string[] keys) => Row(csv, keys.Select(k => localizer[k].Value).ToArray());

    private static void Row(CsvWriter csv, params string?[] fields)
    {
        foreach (var field in fields) csv.WriteField(field);
        csv.EndRecord();
    }
}
