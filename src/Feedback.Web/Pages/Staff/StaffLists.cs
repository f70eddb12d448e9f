using Feedback.Domain.Sla;
using Feedback.Domain.Cases.Queries;

namespace Feedback.Web.Pages.Staff;

/// <summary>What the shared case table partial (Shared/_StaffCaseTable) needs.</summary>
public sealed record StaffCaseTable(IReadOnlyList<CaseListItem> Items, WorkCalendar Calendar, DateTimeOffset Now, bool ShowDepartment)
{
    public TimeZoneInfo Zone => Calendar.TimeZone;
}

/// <summary>Previous/next links for a paged list (Shared/_StaffPager); <see cref="LinkTo"/> builds a page's URL.</summary>
public sealed record StaffPager(CasePage Page, Func<int, string> LinkTo);

public static class StaffLinks
{
    /// <summary>
    /// A list URL with its query string. Built by hand because "page" is a route value of Razor Pages
    /// itself, so Url.Page cannot carry a query parameter of that name.
    /// </summary>
    public static string To(string path, IEnumerable<KeyValuePair<string, string?>> query) =>
        path + QueryString.Create(query.Where(q => !string.IsNullOrEmpty(q.Value)));
}
