using Feedback.Domain.Api.Queries;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Api.Open311;

/// <summary><c>GET discovery.{format}</c>: where the endpoint is, which spec and formats it speaks, whom to ask for a key.</summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscovery(this RouteGroupBuilder group) =>
        group.MapRead("discovery.{format}", (HttpRequest request, Open311Settings settings, IStringLocalizer localizer) =>
            new Open311Document("discovery", new Open311Object([
                ("changeset", Open311Settings.Changeset),
                ("contact", settings.Contact.Length > 0 ? settings.Contact : localizer["Api.Open311.Contact"].Value),
                ("key_service", settings.KeyService.Length > 0 ? settings.KeyService : localizer["Api.Open311.KeyService"].Value),
                // How many requests one GET requests (or one service_request_id list) returns at most.
                ("max_requests", ListOpen311Requests.MaxResults),
                // Only when one is configured: then clients must send it; otherwise it is ignored.
                .. settings.JurisdictionId is { } jurisdiction ? [("jurisdiction_id", (object?)jurisdiction)] : Array.Empty<(string, object?)>(),
                ("endpoints", new Open311List("endpoint", [
                    new Open311Object(
                        ("specification", Open311Endpoints.Specification),
                        ("url", $"{request.Scheme}://{request.Host}{request.PathBase}{Open311Endpoints.Root}"),
                        ("changeset", Open311Settings.Changeset),
                        ("type", "production"),
                        ("formats", new Open311List("format", ["text/xml", "application/json"]))),
                ])),
            ])));
}
