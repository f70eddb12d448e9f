using Feedback.Domain.Common;

namespace Feedback.Domain.Reporting;

/// <summary>Who reads the internal KPIs (the manager dashboard and the monthly reports): heads, the service centre, admins.</summary>
public static class ReportAccess
{
    public static bool MayRead(ICurrentUser user) =>
        user.IsInRole(Roles.DepartmentHead) || user.IsInRole(Roles.Dispatcher) || user.IsInRole(Roles.Admin);

    /// <summary>A month as the query string gives it ("yyyy-MM"); empty means the current month.</summary>
    public static IEnumerable<ValidationError> ValidateMonth(string? month, string field = "Month")
    {
        if (!string.IsNullOrEmpty(month) && ReportMonth.Parse(month) is null)
            yield return new(field, "Reports.Month.Invalid");
    }
}
