using System.Globalization;
using Feedback.Domain.Common;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Web;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 under <c>/open311/v2/</c> (http://wiki.open311.org/GeoReport_v2): every resource in
/// JSON and XML by its suffix. Errors are the spec's <c>errors/error{code, description}</c>.
/// </summary>
public static class Open311Endpoints
{
    public const string Root = "/open311/v2";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    public static IEndpointRouteBuilder MapOpen311(this IEndpointRouteBuilder app)
    {
        // Anonymous reads are public: RateLimits:api requests a minute per client address (keys have their own budget too).
        var group = app.MapGroup(Root)
            .AddEndpointFilter<Open311ErrorFilter>()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.Api)
            .WithMetadata(new Open311RateLimitRejection())
            .ExcludeFromDescription();
        group.MapDiscovery();
        group.MapServices();
        group.MapRequests();
        group.MapUpdates();
        group.MapTokens();
        // Anything else under the root is the spec's 404, in the format its suffix asks for; a browser's
        // CORS preflight (any path, OPTIONS) is answered here too.
        group.Map("{**rest}", (string? rest, HttpContext context, IStringLocalizer localizer) =>
            HttpMethods.IsOptions(context.Request.Method) ? Preflight(context) : Error(localizer, StatusCodes.Status404NotFound, "Error.NotFound"));
        return app;
    }

    /// <summary>A read resource: GET, and HEAD (the same answer without its body, which Kestrel leaves out).</summary>
    internal static RouteHandlerBuilder MapRead(this RouteGroupBuilder group, string pattern, Delegate handler) =>
        group.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], handler);

    /// <summary>
    /// The reads are public: any web page may fetch them (Access-Control-Allow-Origin: *, no credentials,
    /// as cookies never count here anyway). Writes need a key, sent by servers, and get no CORS headers.
    /// </summary>
    internal static void AllowAnyOrigin(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
            context.Response.Headers.AccessControlAllowOrigin = "*";
    }

    private static IResult Preflight(HttpContext context)
    {
        context.Response.Headers.AccessControlAllowMethods = "GET, HEAD";
        context.Response.Headers.AccessControlAllowHeaders = "Accept, Accept-Language";
        context.Response.Headers.AccessControlMaxAge = "86400";
        return Results.NoContent();
    }

    /// <summary>json or xml from the route's <c>{format}</c>; anything else is refused before the handler runs.</summary>
    public static string FormatOf(HttpContext context)
    {
        var format = context.GetRouteValue("format") as string
            ?? (context.GetRouteValue("rest") as string is { } rest && rest.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? Open311Document.Xml : null);
        return string.Equals(format, Open311Document.Xml, StringComparison.OrdinalIgnoreCase) ? Open311Document.Xml : Open311Document.Json;
    }

    public static bool IsKnownFormat(HttpContext context) =>
        context.GetRouteValue("format") is not string format
        || format.Equals(Open311Document.Json, StringComparison.OrdinalIgnoreCase)
        || format.Equals(Open311Document.Xml, StringComparison.OrdinalIgnoreCase);

    public static Open311Document Error(IStringLocalizer localizer, int status, string key, params object[] arguments) =>
        Errors(status, [localizer[key, arguments].Value]);

    public static Open311Document Errors(int status, IEnumerable<string> descriptions) =>
        new("errors", new Open311List("error", descriptions.Select(d => (object)new Open311Object(("code", status), ("description", d))).ToList()), status);

    /// <summary>ISO 8601 with the organisation's offset (+08:00), as the spec's examples write them.</summary>
    public static string? Date(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;

    public static bool IsEnglish => StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name) == "en";
}

/// <summary>
/// Runs first on every Open311 endpoint: request language, no cookie identity, the format check; and turns
/// what the domain throws into the spec's errors (400 validation, 403 key, 404 not found, 429 rate limit).
/// </summary>
public sealed class Open311ErrorFilter(IStringLocalizer localizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        ApiRequestContext.Begin(http);
        Open311Endpoints.AllowAnyOrigin(http);
        var format = Open311Endpoints.FormatOf(http);
        if (!Open311Endpoints.IsKnownFormat(http))
            return Open311Endpoints.Error(localizer, StatusCodes.Status400BadRequest, "Api.Open311.Format").As(format);
        try
        {
            var result = await next(context);
            return result is Open311Document document ? document.As(format) : result;
        }
        catch (ValidationException e)
        {
            return Open311Endpoints.Errors(StatusCodes.Status400BadRequest,
                e.Errors.Select(error => localizer["Api.FieldError", Open311Fields.Name(error.Field), localizer.Message(error.Code, error.Arguments)].Value)).As(format);
        }
        catch (NotFoundException e) { return Open311Endpoints.Error(localizer, StatusCodes.Status404NotFound, e.Code).As(format); }
        catch (ForbiddenException e) { return Open311Endpoints.Error(localizer, StatusCodes.Status403Forbidden, e.Code).As(format); }
        catch (ApiRateLimitedException e)
        {
            http.Response.Headers.RetryAfter = "60";
            return Open311Endpoints.Error(localizer, StatusCodes.Status429TooManyRequests, e.Message).As(format);
        }
        catch (StorageFullException e)
        {
            http.RequestServices.GetRequiredService<StorageHealth>().RecordFull();
            http.Response.Headers.RetryAfter = StorageHealth.RetryAfterSeconds;
            return Open311Endpoints.Error(localizer, StatusCodes.Status503ServiceUnavailable, e.Code).As(format);
        }
        catch (DomainRuleException e) { return Open311Endpoints.Error(localizer, StatusCodes.Status400BadRequest, e.Code, e.Arguments).As(format); }
        catch (Exception e) when (BadInput.IsUnreadableRequest(e)) { return Open311Endpoints.Error(localizer, StatusCodes.Status400BadRequest, "Error.Unreadable").As(format); }
    }
}

/// <summary>The 429 of the RateLimits:api policy as the spec's errors document, in the format the path asks for.</summary>
internal sealed class Open311RateLimitRejection : IRateLimitRejectionWriter
{
    public Task WriteAsync(HttpContext context)
    {
        ApiRequestContext.Begin(context);
        Open311Endpoints.AllowAnyOrigin(context);
        var localizer = context.RequestServices.GetRequiredService<IStringLocalizer>();
        var format = (context.Request.Path.Value ?? "").EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? Open311Document.Xml : Open311Document.Json;
        return Open311Endpoints.Error(localizer, StatusCodes.Status429TooManyRequests, "Error.TooManyRequests").As(format).ExecuteAsync(context);
    }
}

/// <summary>Errors from <c>SubmitCase</c> name its properties; an Open311 client knows the spec's parameters.</summary>
internal static class Open311Fields
{
    private static readonly Dictionary<string, string> SpecNames = new(StringComparer.Ordinal)
    {
        ["ContactName"] = "first_name",
        ["ContactPhone"] = "phone",
        ["ContactEmail"] = "email",
        ["Description"] = "description",
        ["Subject"] = "description",
        ["CategoryId"] = "service_code",
        ["ServiceAreaId"] = "attribute[area]",
        ["Kind"] = "attribute[kind]",
    };

    public static string Name(string field) => SpecNames.GetValueOrDefault(field, field);
}
