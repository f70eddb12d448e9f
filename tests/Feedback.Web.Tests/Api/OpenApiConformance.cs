using System.Collections.Concurrent;
using System.Text.Json;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Api;

/// <summary>
/// The API tests' app, which records every <c>/api/v1</c> response the tests receive; when the tests are done
/// (<see cref="ApiAppFixture"/> disposes it) each is checked against <c>/openapi/v1.json</c>: its status is
/// documented for its operation, and its JSON body matches the documented schema (types, required properties,
/// enums, references). A mismatch fails the run as a collection clean-up failure, naming the response.
/// </summary>
public sealed class RecordingApiApp(IDictionary<string, string?> settings) : FeedbackApp(settings)
{
    public ConcurrentQueue<RecordedResponse> Responses { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RecordingFilter(Responses)));
    }

    private sealed class RecordingFilter(ConcurrentQueue<RecordedResponse> responses) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, proceed) =>
            {
                if (!context.Request.Path.StartsWithSegments("/api/v1"))
                {
                    await proceed(context);
                    return;
                }
                var original = context.Response.Body;
                using var buffer = new MemoryStream();
                context.Response.Body = buffer;
                try { await proceed(context); }
                finally { context.Response.Body = original; }
                var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
                responses.Enqueue(new(context.Request.Method, pattern, context.Response.StatusCode, context.Response.ContentType, buffer.ToArray()));
                buffer.Position = 0;
                await buffer.CopyToAsync(original);
            });
            next(app);
        };
    }

    /// <returns>How many responses belong to a documented operation, and one line per response the document does not describe.</returns>
    public (int Checked, List<string> Problems) Mismatches(IEnumerable<RecordedResponse>? responses = null)
    {
        using var client = CreateClient();
        var document = JsonDocument.Parse(client.GetStringAsync("/openapi/v1.json").GetAwaiter().GetResult()).RootElement;
        var problems = new List<string>();
        var count = 0;
        foreach (var response in responses ?? Responses)
        {
            var path = response.Pattern is { } p ? "/" + p.TrimStart('/') : null;
            if (path is null || !document.GetProperty("paths").TryGetProperty(path, out var item))
                continue; // the catch-all (undescribed by design: unknown paths and non-JSON posts)
            count++;
            var name = $"{response.Method} {path} → {response.Status}";
            if (!item.TryGetProperty(response.Method.ToLowerInvariant(), out var operation))
            {
                problems.Add($"{name}: method not documented");
                continue;
            }
            if (!operation.GetProperty("responses").TryGetProperty(response.Status.ToString(), out var documented))
            {
                problems.Add($"{name}: status not documented");
                continue;
            }
            if (response.Body.Length == 0) continue;
            var mediaType = response.ContentType?.Split(';')[0].Trim() ?? "";
            if (!documented.TryGetProperty("content", out var content) || !content.TryGetProperty(mediaType, out var media))
            {
                problems.Add($"{name}: body of type {mediaType} not documented");
                continue;
            }
            if (!media.TryGetProperty("schema", out var schema)) continue;
            var body = JsonDocument.Parse(response.Body).RootElement;
            foreach (var error in Validate(document, schema, body, "$"))
                problems.Add($"{name}: {error}");
        }
        return (count, problems);
    }

    /// <summary>The subset of JSON Schema the generated document uses.</summary>
    private static IEnumerable<string> Validate(JsonElement document, JsonElement schema, JsonElement value, string at)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) target = target.GetProperty(part);
            foreach (var e in Validate(document, target, value, at)) yield return e;
            yield break;
        }
        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            if (oneOf.EnumerateArray().Count(option => !Validate(document, option, value, at).Any()) != 1)
                yield return $"{at}: matches none (or more than one) of oneOf";
            yield break;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            var actual = value.ValueKind switch
            {
                JsonValueKind.Null => "null", JsonValueKind.String => "string", JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Array => "array", JsonValueKind.Object => "object",
                JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number", _ => "?",
            };
            if (!types.Contains(actual) && !(actual == "integer" && types.Contains("number")))
            {
                yield return $"{at}: is {actual}, documented {string.Join("|", types)}";
                yield break;
            }
        }
        if (schema.TryGetProperty("enum", out var values)
            && !values.EnumerateArray().Any(v => v.ValueKind == value.ValueKind && v.GetRawText() == value.GetRawText()))
            yield return $"{at}: {value.GetRawText()} is not one of the documented values";
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)))
                    yield return $"{at}.{name}: required but missing";
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var property in value.EnumerateObject())
                    if (properties.TryGetProperty(property.Name, out var propertySchema))
                        foreach (var e in Validate(document, propertySchema, property.Value, $"{at}.{property.Name}")) yield return e;
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var element in value.EnumerateArray())
                foreach (var e in Validate(document, items, element, $"{at}[{i++}]")) yield return e;
        }
    }
}

public sealed record RecordedResponse(string Method, string? Pattern, int Status, string? ContentType, byte[] Body);
