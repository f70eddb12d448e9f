using System.Globalization;
using Feedback.Domain.Api.Queries;
using Feedback.Domain.Common;
using Mediator;

namespace Feedback.Web.Api.V1;

/// <summary>
/// <c>GET /api/v1/changes?after={cursor}&amp;limit={n}</c>: what happened to the cases the key may see since
/// the last call, oldest first. Start without <c>after</c>; keep the returned cursor; call again with it.
/// </summary>
public static class ChangesEndpoints
{
    public const int DefaultLimit = 100;

    public static void MapChanges(this RouteGroupBuilder group) =>
        group.MapGet("changes", async (string? after, string? limit, IMediator mediator, TimeProvider clock, IConfiguration configuration) =>
            {
                var cursor = Number(after, "after", 0);
                var size = (int)Number(limit, "limit", DefaultLimit);
                var settle = TimeSpan.FromSeconds(configuration.GetValue("Api:ChangesSettleSeconds", 2.0));
                var page = await mediator.Send(new ListCaseChanges(cursor, size, clock.GetUtcNow() - settle));
                return new ChangesDocument(
                    page.Changes.Select(c => new ChangeEntry(
                        c.EventId.ToString(), c.TrackingNumber, c.At, c.Type.ToString(), c.Action?.ToString(), c.FromStatus?.ToString(), c.ToStatus?.ToString(),
                        c.IsPublic, c.Text, c.ActorName, c.ActorCapacity.ToString())).ToList(),
                    page.Cursor.ToString(CultureInfo.InvariantCulture), page.HasMore);
            })
            .Produces<ChangesDocument>()
            .ProducesValidationProblem()
            .WithName("ListChanges")
            .WithSummary("Timeline entries after a cursor (at most 500 a page), for synchronisation.")
            .WithDescription("Start without after; keep the returned cursor and pass it back as after. Entries come oldest first, of the cases the "
                + "key's account may see; hasMore says another page is ready now. limit is 1 to 500 (default 100).");

    private static long Number(string? value, string field, long fallback) =>
        string.IsNullOrWhiteSpace(value) ? fallback
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : throw new ValidationException([new(field, "Validation.Invalid")]);
}

/// <param name="Cursor">Opaque: pass it back as <c>after</c>.</param>
/// <param name="HasMore">True when another page is ready now.</param>
public sealed record ChangesDocument(IReadOnlyList<ChangeEntry> Changes, string Cursor, bool HasMore);

public sealed record ChangeEntry(
    string Id, string TrackingNumber, DateTimeOffset At, string Type, string? Action, string? FromStatus, string? ToStatus,
    bool Public, string? Text, string Actor, string Capacity);
