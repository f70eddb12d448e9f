using System.Text.Json;
using Feedback.Domain.Common;

namespace Feedback.Domain.Reporting;

/// <summary>
/// 月度通报: the KPIs of one past month, frozen (at month end by the background job, or by an admin) and
/// never recomputed. The figures are stored as JSON: every department × category × area × kind cell and the
/// resolution-time percentiles, so the report shows any table later exactly as it was when frozen.
/// </summary>
public sealed class MonthlyReport : Entity
{
    private MonthlyReport() { }

    public int Year { get; private set; }
    public int Month { get; private set; }
    public DateTimeOffset FrozenAt { get; private set; }
    /// <summary>The admin who froze it; null when the month-end job did.</summary>
    public Guid? FrozenById { get; private set; }
    public string FiguresJson { get; private set; } = "";

    public ReportMonth ReportMonth => new(Year, Month);

    public static MonthlyReport Freeze(ReportMonth month, MonthlyReportFigures figures, Guid? by, DateTimeOffset now) => new()
    {
        Year = month.Year,
        Month = month.Month,
        FrozenAt = now,
        FrozenById = by,
        FiguresJson = JsonSerializer.Serialize(figures, Json),
    };

    public MonthlyReportFigures Figures() =>
        JsonSerializer.Deserialize<MonthlyReportFigures>(FiguresJson, Json) ?? throw new InvalidOperationException($"Monthly report {Year}-{Month} has no figures.");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

/// <param name="Cells">Every non-empty cell of the month.</param>
/// <param name="ResolutionP90Hours">Keys: "" for the whole organisation, otherwise "{dimension}:{row key}" (see <see cref="P90Key"/>).</param>
/// <param name="Reviews">Supervision reviews submitted in the month; null in reports frozen before they were counted.</param>
public sealed record MonthlyReportFigures(
    IReadOnlyList<KpiCell> Cells, IReadOnlyDictionary<string, double?> ResolutionP90Hours, IReadOnlyList<ReviewCount>? Reviews = null)
{
    public static string P90Key(KpiDimension? dimension, string? rowKey) => dimension is null ? "" : $"{dimension}:{rowKey}";
}
