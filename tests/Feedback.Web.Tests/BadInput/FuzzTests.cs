using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Feedback.Web.Tests.BadInput;

/// <summary>
/// Every page and API route the app maps (read from its EndpointDataSource, so a new page is fuzzed without
/// anyone listing it), as an anonymous visitor and as a signed-in staff member (with an API key for the
/// APIs): malformed values in every field a page binds, in the query and in antiforgery-valid form posts,
/// malformed route values and field names, odd methods, odd headers and bodies. Nothing may answer 5xx.
/// Bounded (each field gets the same value in one request; a fixed list of values) so it runs in seconds.
/// </summary>
public sealed class FuzzTests(BadInputAppFixture fixture, ITestOutputHelper output) : IClassFixture<BadInputAppFixture>
{
    private readonly BadInputApp _app = fixture.App;

    private static readonly string[] Values =
    [
        "", " ", "abc", "-1", "2147483648", "99999999999999999999", "1e309", "0001-01-01", "9999-12-31T23:59:59Z",
        "00000000-0000-0000-0000-000000000000", "true,false", "\0", "a\u000bb", "\uFFFE", "中文", "\uD800",
        "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "%zz", new string('长', 300),
    ];

    /// <summary>Fewer for form posts: each page may have many handlers.</summary>
    private static readonly string[] PostValues = ["", "abc", "-1", "99999999999999999999", "0001-01-01", "\0", "a\u000bb", "\uFFFE", new string('长', 5000)];

    private static readonly string[] BadKeys = ["a[", "]", "[0]", "Input.", "a]b[", "."];
    private static readonly string[] BadRouteValues = [" ", "abc", "%00", new string('x', 300)];
    private static readonly string[] OddMethods = ["PUT", "DELETE", "TRACE", "PROPFIND"];

    /// <summary>Query names the API handlers read themselves (they have no bound model to enumerate).</summary>
    private static readonly string[] ApiFields =
    [
        "service_code", "service_request_id", "start_date", "end_date", "status", "jurisdiction_id", "lat", "long", "description",
        "email", "first_name", "phone", "media_url", "attribute[area]", "attribute[kind]", "after", "limit", "api_key",
    ];

    private sealed record Target(string Template, string[] Methods, string[] Handlers, string[] Fields, bool IsPage, bool IsApi);

    private sealed record Actor(string Name, HttpClient Client, string Token);

    [Fact]
    public async Task EveryRoute_WithMalformedInput_AnswersWithoutA5xx()
    {
        var targets = await TargetsAsync();
        Assert.Contains(targets, t => t.Template == "/Public/File");
        Assert.Contains(targets, t => t.Template.StartsWith("/open311/v2/", StringComparison.Ordinal));
        Assert.Contains(targets, t => t.Template.StartsWith("/api/v1/", StringComparison.Ordinal));

        var anonymous = _app.Browser();
        var staff = await _app.SignedInAsync(BadInputApp.Staff);
        var actors = new List<Actor>();
        foreach (var (name, client) in new[] { ("anonymous", anonymous), ("staff", staff) })
            actors.Add(new Actor(name, client, Forms.AntiforgeryToken(await client.GetStringAsync("/"))));

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(actors, async (actor, _) =>
        {
            foreach (var target in targets)
            {
                // Signing the staff member out would leave the rest of the run anonymous.
                if (actor.Name == "staff" && target.Template.Contains("Logout", StringComparison.OrdinalIgnoreCase)) continue;
                var first = true;
                foreach (var request in Requests(target, actor))
                {
                    using var message = request();
                    var description = $"{actor.Name} {message.Method} {message.RequestUri}";
                    HttpResponseMessage response;
                    try { response = await actor.Client.SendAsync(message); }
                    catch (HttpRequestException e)
                    {
                        // An answer the client cannot even read (headers over 64 KB, a dropped connection) is a failure too.
                        failures.Add($"{description} → {e.Message}");
                        continue;
                    }
                    using var answer = response;
                    Interlocked.Increment(ref sent);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"{description} → {(int)response.StatusCode}");
                    // A page this actor may not open sends every request to the sign-in page before binding anything.
                    if (first && response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login") == true)
                        break;
                    first = false;
                }
            }
        });
        clock.Stop();

        output.WriteLine($"Routes: {targets.Count} ({targets.Count(t => t.IsPage)} pages, {targets.Count(t => t.IsApi)} API); " +
                         $"requests sent: {sent}; 5xx found: {failures.Count}; {clock.Elapsed.TotalSeconds:F1} s; by status: " +
                         string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} requests answered 5xx:\n" + string.Join("\n", failures.Take(40)));
    }

    private IEnumerable<Func<HttpRequestMessage>> Requests(Target target, Actor actor)
    {
        var path = Path(target, null);
        var fields = target.Fields.Length > 0 ? target.Fields : target.IsApi ? ApiFields : ["q"];

        // Malformed values in every field of the query.
        foreach (var value in Values)
            yield return () => Get(path + "?" + Query(fields.Select(f => (f, value))), target);
        // Field names no form produces.
        yield return () => Get(path + "?" + Query(BadKeys.Select(k => (k, "1"))), target);
        // Malformed route values.
        foreach (var parameter in RouteParameters(target.Template))
            foreach (var bad in BadRouteValues)
                yield return () => Get(Path(target, (parameter, bad)), target);
        // Odd methods, and HEAD.
        foreach (var method in OddMethods.Append("HEAD"))
            yield return () => new HttpRequestMessage(new HttpMethod(method), path);
        // Odd headers.
        yield return () => OddHeaders(Get(path, target));

        if (!target.Methods.Contains("POST")) yield break;
        var handlers = target.Handlers.Length > 0 ? target.Handlers : [""];
        foreach (var handler in handlers)
        {
            var url = handler.Length > 0 ? $"{path}?handler={handler}" : path;
            foreach (var value in PostValues)
                yield return () => Post(url, target, fields.Select(f => (f, value)), actor.Token);
            yield return () => Post(url, target, BadKeys.Select(k => (k, "1")), actor.Token);
        }
        // Bodies: no boundary, JSON that is not, a lone surrogate in JSON, a NUL in a form value, too many fields.
        yield return () => Body(path, target, "multipart/form-data", "--x\r\n\r\nb\r\n--x--");
        yield return () => Body(path, target, "application/json", "{\"caller\": [1, {\"x\": ");
        yield return () => Body(path, target, "application/json", "{\"description\": \"\\ud800\", \"subject\": \"\\u0000\", \"category\": 5, \"kind\": \"\\uFFFE\"}");
        yield return () => Body(path, target, "application/x-www-form-urlencoded", "description=a%00b&service_code=%FF&__RequestVerificationToken=" + Uri.EscapeDataString(actor.Token));
        yield return () => Body(path, target, "application/x-www-form-urlencoded", string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=1")));
    }

    private HttpRequestMessage Get(string url, Target target) => WithKey(new HttpRequestMessage(HttpMethod.Get, url), target);

    private HttpRequestMessage Post(string url, Target target, IEnumerable<(string Name, string Value)> fields, string token) =>
        WithKey(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new("__RequestVerificationToken", token))),
        }, target);

    private HttpRequestMessage Body(string url, Target target, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return WithKey(new HttpRequestMessage(HttpMethod.Post, url) { Content = content }, target);
    }

    /// <summary>The APIs are fuzzed with a valid key (past the key check, into the handlers).</summary>
    private HttpRequestMessage WithKey(HttpRequestMessage message, Target target)
    {
        if (target.IsApi) message.Headers.TryAddWithoutValidation("X-Api-Key", _app.Key);
        return message;
    }

    private static HttpRequestMessage OddHeaders(HttpRequestMessage message)
    {
        message.Headers.TryAddWithoutValidation("Accept-Language", "xx-INVALID;q=abc, *;q=2, zh-Hant-TW-x-private");
        message.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=c=%%%|uic=<>; feedback.auth=garbage");
        message.Headers.TryAddWithoutValidation("If-Modified-Since", "yesterday");
        message.Headers.TryAddWithoutValidation("Range", "bytes=abc-");
        message.Headers.TryAddWithoutValidation("Accept", "text/xml;q=nope, */*");
        message.Headers.TryAddWithoutValidation("X-Forwarded-For", "not-an-address");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");
        return message;
    }

    private static string Query(IEnumerable<(string Name, string Value)> fields) =>
        string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={EscapeLoosely(f.Value)}"));

    /// <summary>Percent-encodes, except that "%zz" is sent as it is (malformed escapes are part of the test).</summary>
    private static string EscapeLoosely(string value) =>
        value is "%zz" ? value : value.Contains('\uD800') || value.Contains('\uFFFE') ? Uri.EscapeDataString(value.Replace("\uD800", "x")) + "%ED%A0%80%EF%BF%BE" : Uri.EscapeDataString(value);

    private static IEnumerable<string> RouteParameters(string template) =>
        RoutePatternFactory.Parse(template).Parameters.Select(p => p.Name);

    /// <summary>The route with a value that exists for each parameter, or <paramref name="bad"/> for one of them.</summary>
    private string Path(Target target, (string Name, string Value)? bad)
    {
        var pattern = RoutePatternFactory.Parse(target.Template);
        var builder = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            builder.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal: builder.Append(literal.Content); break;
                    case RoutePatternSeparatorPart separator: builder.Append(separator.Content); break;
                    case RoutePatternParameterPart parameter:
                        var value = bad is { } b && b.Name == parameter.Name ? b.Value : Sample(parameter);
                        builder.Append(value.Contains('%') ? value : Uri.EscapeDataString(value));
                        break;
                }
            }
        }
        return builder.Length == 0 ? "/" : builder.ToString();
    }

    private string Sample(RoutePatternParameterPart parameter) => parameter.Name.ToLowerInvariant() switch
    {
        "format" => "json",
        "code" => "404",
        "year" => "2026",
        "month" => "2026-11",
        "kind" => "check-email",
        "slug" => "about",
        "list" => "Departments",
        "trackingnumber" or "service_request_id" => _app.TrackingNumber,
        "token" => "abc",
        "documentname" => "v1",
        "id" => _app.CaseId.ToString(),
        _ => "x",
    };

    /// <summary>Every route endpoint: pages with their POST handlers and the fields they bind; minimal APIs with their methods.</summary>
    private async Task<List<Target>> TargetsAsync()
    {
        var services = _app.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (template.StartsWith("/healthz", StringComparison.Ordinal)) template = "/healthz";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                var posts = compiled.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name ?? "").Distinct().ToArray();
                var fields = compiled.BoundProperties.Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType))
                    .Concat(compiled.HandlerMethods.SelectMany(h => h.Parameters).Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)))
                    .SelectMany(f => FieldNames(f.Item1, f.ParameterType))
                    .Distinct().ToArray();
                targets.Add(new Target(template, posts.Length > 0 ? ["GET", "POST"] : ["GET"], posts.Where(p => p.Length > 0).ToArray(), fields, true, false));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET", "POST"];
                var isApi = template.StartsWith("/api/", StringComparison.Ordinal) || template.StartsWith("/open311/", StringComparison.Ordinal);
                var parameters = endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
                    .Where(p => p.ParameterType == typeof(string) || Nullable.GetUnderlyingType(p.ParameterType) is not null || p.ParameterType.IsValueType)
                    .Select(p => p.Name!).ToArray() ?? [];
                targets.Add(new Target(template, methods, [], parameters.Length > 0 ? parameters.Concat(isApi ? ApiFields : []).Distinct().ToArray() : [], false, isApi));
            }
        }
        return targets.GroupBy(t => t.Template).Select(g => g.First() with { Methods = g.SelectMany(t => t.Methods).Distinct().ToArray() }).ToList();
    }

    /// <summary>A simple value binds under its name; a form model under Name.Property, one level deep.</summary>
    private static IEnumerable<string> FieldNames(string name, Type type)
    {
        if (type == typeof(CancellationToken) || typeof(IFormFile).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type))
            yield break;
        if (type == typeof(string) || type.IsValueType || Nullable.GetUnderlyingType(type) is not null)
        {
            yield return name;
            yield break;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var propertyType = property.PropertyType;
            if (propertyType == typeof(string) || propertyType.IsValueType || Nullable.GetUnderlyingType(propertyType) is not null)
                yield return $"{name}.{property.Name}";
            else if (propertyType.IsArray || (propertyType.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType)))
                yield return $"{name}.{property.Name}[0]";
        }
    }
}
