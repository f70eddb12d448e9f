using Feedback.Domain.Api.Queries;
using Mediator;

namespace Feedback.Web.Api.Open311;

/// <summary>
/// <c>GET tokens/{token}.{format}</c>: the service request id a token stands for. Requests are created at
/// once, so POST already returns the id; the token is given too for clients that follow the token flow.
/// </summary>
public static class TokensEndpoints
{
    public static void MapTokens(this RouteGroupBuilder group) =>
        group.MapRead("tokens/{token}.{format}", async (string token, string? jurisdiction_id, Open311Settings settings, IMediator mediator) =>
        {
            ServicesEndpoints.EnsureJurisdiction(settings, jurisdiction_id);
            var id = await mediator.Send(new FindOpen311Token(token.Trim().ToLowerInvariant()));
            return new Open311Document("service_requests", new Open311List("request", [
                new Open311Object(("service_request_id", id), ("token", token)),
            ]));
        });
}
