using System.Globalization;
using Feedback.Domain.Organisation;
using Feedback.Domain.Reporting;
using Feedback.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Reports;

/// <summary>One KPI as the pages and the CSV show it: its label, its value for some counts, and the cases behind it.</summary>
/// <param name="DrillDown">The cases the figure counts (null: it is not a count of cases).</param>
public sealed record KpiColumn(string LabelKey, Func<KpiCounts, double?> Value, bool IsRate, KpiMeasure? DrillDown, int Decimals = 0);

/// <summary>
/// The KPIs in the order every table shows them, and how a value is written (the same text on the page
/// and in the CSV, so a download matches what was on screen).
/// </summary>
public static class KpiDisplay
{
    public static readonly IReadOnlyList<KpiColumn> Columns =
    [
        new("Reports.Kpi.Received", c => c.Received, false, KpiMeasure.Received),
        new("Reports.Kpi.Closed", c => c.Closed, false, KpiMeasure.Closed),
        new("Reports.Kpi.Backlog", c => c.Backlog, false, KpiMeasure.Backlog),
        new("Reports.Kpi.TimelyContact", c => c.TimelyContactRate, true, KpiMeasure.ContactDue),
        new("Reports.Kpi.Fulfilment", c => c.CommitmentFulfilmentRate, true, KpiMeasure.ResolveDue),
        new("Reports.Kpi.ResolvedLate", c => c.ResolveDue - c.ResolvedOnTime, false, KpiMeasure.ResolvedLate),
        new("Reports.Kpi.Satisfaction", c => c.SatisfactionRate, true, KpiMeasure.SurveyAnswers),
        new("Reports.Kpi.MeanScore", c => c.MeanScore, false, null, 2),
        new("Reports.Kpi.ResponseRate", c => c.ResponseRate, true, null),
        new("Reports.Kpi.MeanHours", c => c.MeanResolutionHours, false, KpiMeasure.Resolved, 1),
        new("Reports.Kpi.ReopenRate", c => c.ReopenRate, true, KpiMeasure.Reopened),
        new("Reports.Kpi.RepeatRate", c => c.RepeatComplaintRate, true, KpiMeasure.RepeatComplaints),
        new("Reports.Kpi.SuggestionsAdopted", c => c.SuggestionsAdopted, false, KpiMeasure.SuggestionsAdopted),
        new("Reports.Kpi.FindingsRaised", c => c.FindingsRaised, false, KpiMeasure.FindingsRaised),
        new("Reports.Kpi.FindingsVerified", c => c.FindingsVerified, false, KpiMeasure.FindingsVerified),
        new("Reports.Kpi.MeasuresOnTime", c => c.MeasuresOnTimeRate, true, null),
        new("Reports.Kpi.MeasuresLate", c => c.MeasuresLate, false, KpiMeasure.MeasuresLate),
    ];

    /// <summary>Rates as 87.5%; other figures with their decimals; nothing to divide by as "—".</summary>
    public static string Format(double? value, bool isRate, int decimals = 0) => value switch
    {
        null => "—",
        { } v when isRate => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v => v.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture),
    };

    public static string Format(KpiColumn column, KpiCounts counts) => Format(column.Value(counts), column.IsRate, column.Decimals);

    public static string Hours(double? hours) => Format(hours, false, 1);

    /// <summary>Reviews submitted ("—" when the filter cannot select reviews, see <see cref="KpiFilter.Select"/>).</summary>
    public static string Reviews(KpiSnapshot snapshot) => Format(snapshot.ReviewsSubmitted, false);

    /// <summary>The name of a table row: a department, category, area or kind ("" department = still in triage).</summary>
    public static string RowName(KpiDimension dimension, string rowKey, OrganisationSnapshot organisation, IStringLocalizer l, string culture) => dimension switch
    {
        KpiDimension.Department when rowKey == "" => l["Reports.Row.Triage"],
        KpiDimension.Department => organisation.Department(Guid.Parse(rowKey))?.Name(culture) ?? rowKey,
        KpiDimension.Category => organisation.Category(Guid.Parse(rowKey))?.Name(culture) ?? rowKey,
        KpiDimension.Area => organisation.Area(Guid.Parse(rowKey))?.Name(culture) ?? rowKey,
        _ => l[$"CaseKind.{rowKey}"],
    };

    /// <summary>Rows in the organisation's order (departments, categories, areas by their sort order; kinds as declared).</summary>
    public static int RowOrder(KpiDimension dimension, string rowKey, OrganisationSnapshot organisation) => dimension switch
    {
        KpiDimension.Department when rowKey == "" => int.MaxValue,
        KpiDimension.Department => organisation.Department(Guid.Parse(rowKey))?.SortOrder ?? int.MaxValue - 1,
        KpiDimension.Category => organisation.Category(Guid.Parse(rowKey))?.SortOrder ?? int.MaxValue - 1,
        KpiDimension.Area => organisation.Area(Guid.Parse(rowKey))?.SortOrder ?? int.MaxValue - 1,
        _ => Enum.TryParse<Feedback.Domain.Cases.CaseKind>(rowKey, out var kind) ? (int)kind : int.MaxValue,
    };

    /// <summary>The table by <paramref name="dimension"/> with names, in order.</summary>
    public static IReadOnlyList<KpiTableRow> Table(KpiSnapshot snapshot, KpiDimension dimension, OrganisationSnapshot organisation, IStringLocalizer l, string culture) =>
        snapshot.Rows(dimension)
            .OrderBy(r => RowOrder(dimension, r.RowKey, organisation)).ThenBy(r => r.RowKey, StringComparer.Ordinal)
            .Select(r => new KpiTableRow(r.RowKey, RowName(dimension, r.RowKey, organisation, l, culture), r.Counts, snapshot.P90(dimension, r.RowKey)))
            .ToList();
}

public sealed record KpiTableRow(string RowKey, string Name, KpiCounts Counts, double? P90Hours);
