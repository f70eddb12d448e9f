using Feedback.Domain.Api.Commands;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Api.Open311;

/// <summary>
/// <c>GET services.{format}</c> (one service per active category) and <c>GET services/{service_code}.{format}</c>
/// (its attributes: the kind of feedback and the service area, both single-value lists).
/// </summary>
public static class ServicesEndpoints
{
    public static void MapServices(this RouteGroupBuilder group)
    {
        group.MapRead("services.{format}", async (string? jurisdiction_id, Open311Settings settings, OrganisationCache organisation, IStringLocalizer localizer) =>
        {
            EnsureJurisdiction(settings, jurisdiction_id);
            var org = await organisation.GetAsync();
            var culture = Open311Endpoints.IsEnglish ? "en" : "zh-CN";
            return new Open311Document("services", new Open311List("service", org.ActiveCategories.Select(category => (object)new Open311Object(
                ("service_code", category.Code),
                ("service_name", category.Name(culture)),
                ("description", localizer["Api.Open311.ServiceDescription", category.Name(culture)].Value),
                ("metadata", true),
                ("type", "realtime"),
                ("keywords", string.Join(",", Keywords(category, org))),
                ("group", Group(category, org, culture) ?? localizer["Api.Open311.DefaultGroup"].Value))).ToList()));
        });

        group.MapRead("services/{service_code}.{format}", async (string service_code, string? jurisdiction_id, Open311Settings settings,
            OrganisationCache organisation, IStringLocalizer localizer) =>
        {
            EnsureJurisdiction(settings, jurisdiction_id);
            var org = await organisation.GetAsync();
            var category = org.ActiveCategories.FirstOrDefault(c => string.Equals(c.Code, service_code, StringComparison.OrdinalIgnoreCase))
                ?? throw new NotFoundException("Api.Open311.ServiceNotFound");
            var culture = Open311Endpoints.IsEnglish ? "en" : "zh-CN";
            return new Open311Document("service_definition", new Open311Object(
                ("service_code", category.Code),
                ("attributes", new Open311List("attribute", [
                    Attribute(SubmitOpen311Request.KindAttribute, order: 1, required: false,
                        localizer["Api.Open311.KindDescription"], localizer["Api.Open311.KindHelp"],
                        SubmitOpen311Request.Kinds.Select(k => (k.ToString().ToLowerInvariant(), localizer.Enum(k)))),
                    Attribute(SubmitOpen311Request.AreaAttribute, order: 2, required: true,
                        localizer["Api.Open311.AreaDescription"], localizer["Api.Open311.AreaHelp"],
                        org.ActiveAreas.Select(a => (a.Code, a.Name(culture)))),
                ]))));
        });
    }

    internal static void EnsureJurisdiction(Open311Settings settings, string? jurisdictionId)
    {
        if (!settings.Serves(jurisdictionId))
            throw new NotFoundException("Api.Open311.JurisdictionNotFound");
    }

    private static Open311Object Attribute(string code, int order, bool required, string description, string help, IEnumerable<(string Key, string Name)> values) =>
        new(("variable", true),
            ("code", code),
            ("datatype", "singlevaluelist"),
            ("required", required),
            ("datatype_description", help),
            ("order", order),
            ("description", description),
            ("values", new Open311List("value", values.Select(v => (object)new Open311Object(("key", v.Key), ("name", v.Name))).ToList())));

    /// <summary>The words the routing rules for this category listen for, then its names: what people search for.</summary>
    private static IEnumerable<string> Keywords(Category category, OrganisationSnapshot org) =>
        org.Rules.Where(r => r.IsEnabled && r.CategoryIds.Contains(category.Id))
            .SelectMany(r => r.Keywords)
            .Append(category.NameZh).Append(category.NameEn)
            .Select(k => k.Replace(",", " ").Trim())
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The department the first enabled rule for the category sends it to: who usually handles it.</summary>
    private static string? Group(Category category, OrganisationSnapshot org, string culture) =>
        org.Rules.Where(r => r.IsEnabled && r.CategoryIds.Contains(category.Id))
            .Select(r => org.Department(r.DepartmentId)?.Name(culture))
            .FirstOrDefault(name => name is not null);
}
