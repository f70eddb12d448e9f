using Feedback.Domain.Api;
using Feedback.Domain.Api.Commands;
using Feedback.Domain.Api.Queries;
using Feedback.Domain.Common;
using Feedback.Web.Api.Keys;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Api.Open311;

/// <summary>
/// The GeoReport v2 "updates" extension as FixMyStreet's client (perllib/Open311.pm) uses it:
/// <c>GET servicerequestupdates.{format}?start_date&amp;end_date[&amp;page]</c> lists the public updates
/// (<c>service_request_updates/request_update</c>: update_id, service_request_id, status, description,
/// updated_datetime, media_url), and <c>POST servicerequestupdates.{format}</c> (key required) takes a
/// citizen's update back and answers with its <c>update_id</c>.
/// </summary>
public static class UpdatesEndpoints
{
    public static void MapUpdates(this RouteGroupBuilder group)
    {
        group.MapRead("servicerequestupdates.{format}", ListAsync);
        group.MapPost("servicerequestupdates.{format}", PostAsync).RequireApiKey(ApiScopes.Open311);
    }

    private static async Task<Open311Document> ListAsync(HttpRequest request, IMediator mediator, Open311Settings settings, IStringLocalizer localizer)
    {
        var query = request.Query;
        ServicesEndpoints.EnsureJurisdiction(settings, query["jurisdiction_id"]);
        var page = query["page"].ToString() is { Length: > 0 } text
            ? int.TryParse(text, out var number) && number > 0 ? number : throw new ValidationException([new("page", "Validation.Invalid")])
            : 1;
        var result = await mediator.Send(new ListOpen311Updates(
            RequestsEndpoints.Date(query["start_date"], "start_date"), RequestsEndpoints.Date(query["end_date"], "end_date"), page));
        // More than one page: the client asks again with page+1 (a Link header says where, as for any paged resource).
        if (result.HasMore)
            request.HttpContext.Response.Headers.Link = $"<{request.Path}{QueryWithPage(request, page + 1)}>; rel=\"next\"";
        return new Open311Document("service_request_updates", new Open311List("request_update", result.Updates.Select(update => (object)new Open311Object(
            ("update_id", update.UpdateId.ToString("N")),
            ("service_request_id", update.ServiceRequestId),
            ("status", update.IsOpen ? "open" : "closed"),
            ("description", update.Text ?? localizer.Enum(update.Action)),
            ("updated_datetime", Open311Endpoints.Date(update.At, settings.TimeZone)),
            ("media_url", null))).ToList()));
    }

    private static async Task<Open311Document> PostAsync(HttpRequest request, IMediator mediator, Open311Settings settings)
    {
        if (!request.HasFormContentType)
            throw new ValidationException([new("Content-Type", "Api.Open311.FormRequired")]);
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        string? Field(string name) => form[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
        ServicesEndpoints.EnsureJurisdiction(settings, Field("jurisdiction_id"));
        var updateId = await mediator.Send(new PostOpen311Update(
            Field("service_request_id"), Field("description"), Field("status"), Field("update_id"), RequestsEndpoints.MediaUrl(form),
            Field("first_name"), Field("last_name"), form.Files.ToUploadedFiles()));
        return new Open311Document("service_request_updates", new Open311List("request_update", [
            new Open311Object(("update_id", updateId.ToString("N"))),
        ]), StatusCodes.Status201Created);
    }

    private static string QueryWithPage(HttpRequest request, int page)
    {
        var pairs = request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .Append($"page={page}");
        return "?" + string.Join('&', pairs);
    }
}
