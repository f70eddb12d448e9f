using System.Globalization;
using Feedback.Domain.Supervision;
using Feedback.Web.Infrastructure.Localization;

namespace Feedback.Web.Pages.Supervisor;

/// <summary>A row of the findings (review) or suggestions (forum) form; a row left entirely empty is not sent.</summary>
public sealed class RaisedItemInput
{
    public Guid? CategoryId { get; set; }
    public string? Subject { get; set; }
    public string? Description { get; set; }

    public bool IsBlank => CategoryId is null && string.IsNullOrWhiteSpace(Subject) && string.IsNullOrWhiteSpace(Description);

    /// <summary>
    /// The rows that were filled in, keeping each row's position so that an error on row 3 is shown on row 3.
    /// Blank rows in between are sent as blanks only when a later row is filled (and then refused as incomplete).
    /// </summary>
    public static IReadOnlyList<RaisedItem> ToItems(List<RaisedItemInput> rows)
    {
        var last = rows.FindLastIndex(r => !r.IsBlank);
        return rows.Take(last + 1).Select(r => new RaisedItem(r.CategoryId ?? Guid.Empty, r.Subject ?? "", r.Description ?? "")).ToList();
    }

    /// <summary>At least <paramref name="shown"/> rows (bounded by <paramref name="max"/>), keeping what was typed.</summary>
    public static List<RaisedItemInput> Rows(List<RaisedItemInput> rows, int shown, int max)
    {
        var count = Math.Clamp(Math.Max(shown, rows.Count), 1, max);
        return rows.Concat(Enumerable.Range(0, Math.Max(0, count - rows.Count)).Select(_ => new RaisedItemInput())).Take(count).ToList();
    }
}

public static class SupervisorPages
{
    public static string Culture => StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
