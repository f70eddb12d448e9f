using System.Globalization;
using System.Text.RegularExpressions;
using Feedback.Domain.Api;
using Feedback.Domain.Api.Commands;
using Feedback.Domain.Api.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Web.Api.Keys;
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
        group.MapGet("requests.{format}", ListAsync);
        group.MapGet("requests/{service_request_id}.{format}", GetAsync);
    }

    private static async Task<Open311Document> PostAsync(HttpRequest request, IMediator mediator, Open311Settings settings, IStringLocalizer localizer)
    {
        if (!request.HasFormContentType)
            throw new ValidationException([new("Content-Type", "Api.Open311.FormRequired")]);
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string? Field(string name) => form[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
        ServicesEndpoints.EnsureJurisdiction(settings, Field("jurisdiction_id"));

        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in form)
        {
            if (AttributeName().Match(name) is { Success: true } match && values.FirstOrDefault() is { } value)
                attributes[match.Groups[1].Value] = value;
        }
        var receipt = await mediator.Send(new SubmitOpen311Request(
            Field("service_code"), attributes,
            Coordinate(Field("lat"), "lat"), Coordinate(Field("long"), "long"),
            Field("address_string"), Field("address_id"), Field("email"), Field("device_id"), Field("account_id"),
            Field("first_name"), Field("last_name"), Field("phone"), Field("description"), Field("media_url"),
            CultureInfo.CurrentUICulture.Name));

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

    private static async Task<Open311Document> ListAsync(HttpRequest request, IMediator mediator, Open311Settings settings, OrganisationCache organisation)
    {
        var query = request.Query;
        ServicesEndpoints.EnsureJurisdiction(settings, query["jurisdiction_id"]);
        var ids = query["service_request_id"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Select(id => id.ToUpperInvariant()).Distinct().ToList();
        var status = query["status"].ToString();
        bool? open = status switch
        {
            "" => null,
            _ when status.Equals("open", StringComparison.OrdinalIgnoreCase) => true,
            _ when status.Equals("closed", StringComparison.OrdinalIgnoreCase) => false,
            _ => throw new ValidationException([new("status", "Api.Open311.Status")]),
        };
        var rows = await mediator.Send(new ListOpen311Requests(
            ids, query["service_code"].FirstOrDefault(), Date(query["start_date"], "start_date"), Date(query["end_date"], "end_date"), open));
        return await DocumentAsync(rows, settings, organisation);
    }

    private static async Task<Open311Document> GetAsync(string service_request_id, string? jurisdiction_id, IMediator mediator, Open311Settings settings, OrganisationCache organisation)
    {
        ServicesEndpoints.EnsureJurisdiction(settings, jurisdiction_id);
        var rows = await mediator.Send(new ListOpen311Requests([service_request_id.Trim().ToUpperInvariant()], null, null, null, null));
        if (rows.Count == 0)
            throw new NotFoundException("Api.Open311.RequestNotFound");
        return await DocumentAsync(rows, settings, organisation);
    }

    /// <summary>The spec's request element. address, address_id and zipcode stay empty: an address is personal data here.</summary>
    private static async Task<Open311Document> DocumentAsync(IReadOnlyList<Open311RequestRow> rows, Open311Settings settings, OrganisationCache organisation)
    {
        var org = await organisation.GetAsync();
        var culture = Open311Endpoints.IsEnglish ? "en" : "zh-CN";
        return new Open311Document("service_requests", new Open311List("request", rows.Select(row =>
        {
            var category = org.Category(row.CategoryId);
            return (object)new Open311Object(
                ("service_request_id", row.ServiceRequestId),
                ("status", row.IsOpen ? "open" : "closed"),
                ("status_notes", row.StatusNotes),
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

    private static double? Coordinate(string? value, string field) =>
        value is null ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
        : throw new ValidationException([new(field, "Validation.Invalid")]);

    /// <summary>The spec's dates are W3C/ISO 8601; one without an offset is taken as UTC.</summary>
    private static DateTimeOffset? Date(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date
        : throw new ValidationException([new(field, "Api.Open311.Date")]);

    [GeneratedRegex(@"^attribute\[([A-Za-z0-9_\-]{1,50})\]$")]
    private static partial Regex AttributeName();
}
