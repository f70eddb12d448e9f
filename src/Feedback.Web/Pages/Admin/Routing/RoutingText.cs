using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Organisation;
using Feedback.Domain.Routing;
using Feedback.Domain.Sla;
using Feedback.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Admin.Routing;

/// <summary>
/// Rules, policies, the try-it trace and deadlines in the reader's language: department, category and area
/// names from the organisation (zh or en), enum labels and sentences from the string files.
/// </summary>
public sealed class RoutingText(IStringLocalizer l, OrganisationSnapshot organisation)
{
    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public OrganisationSnapshot Organisation => organisation;

    public string Department(Guid? id) => organisation.Department(id)?.Name(Culture.Name) ?? l["Routing.Unknown"];
    public string Category(Guid id) => organisation.Category(id)?.Name(Culture.Name) ?? l["Routing.Unknown"];
    public string Area(Guid id) => organisation.Area(id)?.Name(Culture.Name) ?? l["Routing.Unknown"];

    public string Join(IEnumerable<string> items) => string.Join(l["Routing.ListSeparator"], items);

    private static string Quoted(string text) => $"“{text}”";

    /// <summary>Each condition a rule sets, as (label, values); empty for a catch-all.</summary>
    public IReadOnlyList<(string Label, string Values)> Conditions(IReadOnlyList<CaseKind> kinds, IReadOnlyList<Guid> categories,
        IReadOnlyList<Guid> areas, IReadOnlyList<Channel> channels, IReadOnlyList<string> keywords)
    {
        var conditions = new List<(string, string)>();
        if (kinds.Count > 0) conditions.Add((l["Routing.Field.Kinds"], Join(kinds.Select(k => l.Enum(k)))));
        if (categories.Count > 0) conditions.Add((l["Routing.Field.Categories"], Join(categories.Select(Category))));
        if (areas.Count > 0) conditions.Add((l["Routing.Field.Areas"], Join(areas.Select(Area))));
        if (channels.Count > 0) conditions.Add((l["Routing.Field.Channels"], Join(channels.Select(c => l.Enum(c)))));
        if (keywords.Count > 0) conditions.Add((l["Routing.Field.Keywords"], Join(keywords.Select(Quoted))));
        return conditions;
    }

    /// <summary>Why one rule took the sample case, or the first of its conditions the sample failed.</summary>
    public string Verdict(RuleTrace trace, RoutingInput sample)
    {
        var rule = trace.Rule;
        if (trace.Check is not { } check) return l["Routing.Try.Skipped"];
        if (check.Matched)
            return check.Keyword is { } keyword ? l["Routing.Try.MatchedOnKeyword", Quoted(keyword)] : l["Routing.Try.Matched"];
        return check.FailedCondition switch
        {
            RoutingCondition.Kind => l["Routing.Try.Failed.Kind", l.Enum(sample.Kind), Join(rule.Kinds.Select(k => l.Enum(k)))],
            RoutingCondition.Category => l["Routing.Try.Failed.Category", Category(sample.CategoryId), Join(rule.CategoryIds.Select(Category))],
            RoutingCondition.Area => l["Routing.Try.Failed.Area", Area(sample.ServiceAreaId), Join(rule.AreaIds.Select(Area))],
            RoutingCondition.Channel => l["Routing.Try.Failed.Channel", l.Enum(sample.Channel), Join(rule.Channels.Select(c => l.Enum(c)))],
            _ => l["Routing.Try.Failed.Keywords", Join(rule.Keywords.Select(Quoted))],
        };
    }

    public string Target(SlaTarget target) =>
        l[target.Amount == 1 ? $"Routing.Target.{target.Unit}.One" : $"Routing.Target.{target.Unit}", target.Amount];

    /// <summary>An instant as wall-clock time in the organisation's zone, with the weekday (deadlines hinge on it).</summary>
    public static string Time(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return $"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {Culture.DateTimeFormat.GetAbbreviatedDayName(local.DayOfWeek)}";
    }

    public static string Date(DateOnly date) =>
        $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {Culture.DateTimeFormat.GetAbbreviatedDayName(date.DayOfWeek)}";
}
