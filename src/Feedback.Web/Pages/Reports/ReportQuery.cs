using Feedback.Domain.Cases;
using Feedback.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Pages.Reports;

/// <summary>The month and filter every report page reads from its query string (so every view has a link).</summary>
public sealed class ReportQuery
{
    [FromQuery(Name = "month")] public string? Month { get; set; }
    [FromQuery(Name = "department")] public Guid? DepartmentId { get; set; }
    [FromQuery(Name = "category")] public Guid? CategoryId { get; set; }
    [FromQuery(Name = "area")] public Guid? ServiceAreaId { get; set; }
    [FromQuery(Name = "kind")] public CaseKind? Kind { get; set; }
    [FromQuery(Name = "by")] public KpiDimension By { get; set; } = KpiDimension.Department;

    /// <summary>Route values for a link to this view with one thing changed (tag helpers drop the nulls).</summary>
    public Dictionary<string, string> Values(string? month = null, KpiMeasure? measure = null, KpiDimension? narrowBy = null, string? rowKey = null)
    {
        var values = new Dictionary<string, string>();
        void Put(string key, object? value) { if (value is not null && value.ToString() != "") values[key] = value.ToString()!; }
        Put("month", month ?? Month);
        Put("department", DepartmentId);
        Put("category", CategoryId);
        Put("area", ServiceAreaId);
        Put("kind", Kind);
        Put("by", By);
        Put("measure", measure);
        if (narrowBy is { } dimension && rowKey is not null)
        {
            var key = dimension switch { KpiDimension.Department => "department", KpiDimension.Category => "category", KpiDimension.Area => "area", _ => "kind" };
            // The triage row ("" department) cannot be narrowed to: its cases have no department to filter on.
            if (rowKey != "") values[key] = rowKey;
        }
        return values;
    }
}

/// <summary>What the filter form partial needs.</summary>
public sealed record ReportFilterModel(string Action, ReportQuery Query, string? Month, Feedback.Domain.Organisation.OrganisationSnapshot Organisation, string Culture, bool ShowBy);
