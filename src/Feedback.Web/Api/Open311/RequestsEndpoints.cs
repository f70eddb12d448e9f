using System.Globalization;
using System.Text.RegularExpressions;
using Feedback.Domain.Api;
using Feedback.Domain.Api.Commands;
using Feedback.Domain.Api.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Web.Api.Keys;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Microsoft.Extensions.Primitives;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Api.Open311;

/// <summary>
/// <c>POST requests.{format}</c> (form-encoded, key required), <c>GET requests.{format}</c> (filters) and
/// <c>GET requests/{service_request_id}.{format}</c>. The service request id is the case's tracking number.
/// </summary>
public static partial class RequestsEndpoints
{
    public static void MapRequests(this RouteGroupBuilder group)
    {
        group.MapPost("requests.{format}", PostAsync).RequireApiKey(ApiScopes.Open311);
        group.MapRead("requests.{format}", ListAsync);
        group.MapRead("requests/{service_request_id}.{format}", GetAsync);
    }

    private static async Task<Open311Document> PostAsync(HttpRequest request, IMediator mediator, Open311Settings settings, IStringLocalizer localizer)
    {
        if (!request.HasFormContentType)
            throw new ValidationException([new("Content-Type", "Api.Open311.FormRequired")]);
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string? Field(string name) => form[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
        ServicesEndpoints.EnsureJurisdiction(settings, Field("jurisdiction_id"));

        var attributes = Attributes(form);
        var mediaUrl = MediaUrl(form, attributes);
        var receipt = await mediator.Send(new SubmitOpen311Request(
            Field("service_code"), attributes,
            Coordinate(Field("lat"), "lat"), Coordinate(Field("long"), "long"),
            Field("address_string"), Field("address_id"), Field("email"), Field("device_id"), Field("account_id"),
            Field("first_name"), Field("last_name"), Field("phone"), Field("description"), mediaUrl,
            CultureInfo.CurrentUICulture.Name,
            form.Files.ToUploadedFiles()));

        var notice = receipt.ExpectedAt is { } expected
            ? localizer["Api.Open311.ServiceNotice", Open311Endpoints.Date(expected, settings.TimeZone)!].Value
            : localizer["Api.Open311.ServiceNoticeTriage"].Value;
        return new Open311Document("service_requests", new Open311List("request", [
            new Open311Object(
                ("service_request_id", receipt.ServiceRequestId),
                ("token", receipt.Token),
                ("service_notice", notice),
                ("account_id", receipt.AccountId)),
        ]), StatusCodes.Status201Created);
    }

    private static async Task<Open311Document> ListAsync(HttpRequest request, IMediator mediator, Open311Settings settings, OrganisationCache organisation, IStringLocalizer localizer)
    {
        var query = request.Query;
        ServicesEndpoints.EnsureJurisdiction(settings, query["jurisdiction_id"]);
        var ids = List(query["service_request_id"]).Select(id => id.ToUpperInvariant()).Distinct().ToList();
        // status and service_code take comma lists; "open,closed" is every request.
        var statuses = List(query["status"]).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (statuses.Any(s => s is not "open" and not "closed"))
            throw new ValidationException([new("status", "Api.Open311.Status")]);
        bool? open = statuses.Count == 1 ? statuses[0] == "open" : null;
        var rows = await mediator.Send(new ListOpen311Requests(
            ids, List(query["service_code"]), Date(query["start_date"], "start_date"), Date(query["end_date"], "end_date"), open));
        return await DocumentAsync(rows, settings, organisation, localizer);
    }

    /// <summary>A parameter's comma-separated values, however many times it is given.</summary>
    internal static List<string> List(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();

    /// <summary>
    /// attribute[code]=value, and the multivaluelist form attribute[code][]=a&amp;attribute[code][]=b (values
    /// joined with ", "). Names outside the pattern are ignored, as the spec lets a server do.
    /// </summary>
    internal static Dictionary<string, string> Attributes(IFormCollection form)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in form)
        {
            if (AttributeName().Match(name) is not { Success: true } match) continue;
            var given = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (given.Count == 0) continue;
            var code = match.Groups[1].Value;
            attributes[code] = attributes.TryGetValue(code, out var earlier) ? earlier + ", " + string.Join(", ", given) : string.Join(", ", given);
        }
        return attributes;
    }

    /// <summary>FixMyStreet sends one media_url, or (multi_photos) several: the first is the request's, the rest are kept as an attribute.</summary>
    internal static string? MediaUrl(IFormCollection form, Dictionary<string, string>? attributes = null)
    {
        var urls = form["media_url"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (attributes is not null && urls.Count > 1)
            attributes["media_url"] = string.Join(", ", urls.Skip(1));
        return urls.FirstOrDefault();
    }

    private static async Task<Open311Document> GetAsync(string service_request_id, string? jurisdiction_id, IMediator mediator, Open311Settings settings,
        OrganisationCache organisation, IStringLocalizer localizer)
    {
        ServicesEndpoints.EnsureJurisdiction(settings, jurisdiction_id);
        var rows = await mediator.Send(new ListOpen311Requests([service_request_id.Trim().ToUpperInvariant()], [], null, null, null));
        if (rows.Count == 0)
            throw new NotFoundException("Api.Open311.RequestNotFound");
        return await DocumentAsync(rows, settings, organisation, localizer);
    }

    /// <summary>
    /// The spec's request element. address, address_id and zipcode stay empty: an address is personal data
    /// here. status_notes is the latest public update's masked text, or the name of what happened (ADR 0022).
    /// </summary>
    private static async Task<Open311Document> DocumentAsync(IReadOnlyList<Open311RequestRow> rows, Open311Settings settings, OrganisationCache organisation,
        IStringLocalizer localizer)
    {
        var org = await organisation.GetAsync();
        var culture = Open311Endpoints.IsEnglish ? "en" : "zh-CN";
        return new Open311Document("service_requests", new Open311List("request", rows.Select(row =>
        {
            var category = org.Category(row.CategoryId);
            return (object)new Open311Object(
                ("service_request_id", row.ServiceRequestId),
                ("status", row.IsOpen ? "open" : "closed"),
                ("status_notes", row.StatusNotes ?? (row.NotesAction is { } action ? localizer.Enum(action) : null)),
                ("service_name", category?.Name(culture)),
                ("service_code", category?.Code),
                ("description", row.Description),
                ("agency_responsible", org.Department(row.DepartmentId)?.Name(culture)),
                ("service_notice", null),
                ("requested_datetime", Open311Endpoints.Date(row.RequestedAt, settings.TimeZone)),
                ("updated_datetime", Open311Endpoints.Date(row.UpdatedAt, settings.TimeZone)),
                ("expected_datetime", Open311Endpoints.Date(row.ExpectedAt, settings.TimeZone)),
                ("address", null),
                ("address_id", null),
                ("zipcode", null),
                ("lat", row.Latitude),
                ("long", row.Longitude),
                ("media_url", row.MediaUrl));
        }).ToList()));
    }

    internal static double? Coordinate(string? value, string field) =>
        value is null ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
        : throw new ValidationException([new(field, "Validation.Invalid")]);

    /// <summary>The spec's dates are W3C/ISO 8601; one without an offset is taken as UTC.</summary>
    internal static DateTimeOffset? Date(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw new ValidationException([new(field, "Api.Open311.Date")]);

    [GeneratedRegex(@"^attribute\[([A-Za-z0-9_\-]{1,50})\](?:\[\])?$")]
    private static partial Regex AttributeName();
}
