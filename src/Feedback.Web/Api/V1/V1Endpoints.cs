using System.Text.Json;
using Feedback.Domain.Api;
using Feedback.Domain.Common;
using Feedback.Web.Api.Keys;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Api.V1;

/// <summary>
/// The JSON API for the hotline system under <c>/api/v1</c>, described at <c>/openapi/v1.json</c>. Every
/// endpoint needs a key with the Hotline scope (header <c>X-Api-Key</c> or <c>Authorization: Bearer</c>);
/// errors are RFC 9457 problem details with texts in the Accept-Language language.
/// </summary>
public static class V1Endpoints
{
    public const string Root = "/api/v1";

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Root)
            .AddEndpointFilter<V1ErrorFilter>()
            .DisableAntiforgery()
            .WithTags("Hotline");
        var secured = group.MapGroup("").RequireApiKey(ApiScopes.Hotline);
        secured.MapCases();
        secured.MapChanges();
        // Also reached when a POST to a real route is not JSON (the routes accept only JSON): say what to send.
        group.Map("{**rest}", (string? rest, HttpRequest request) =>
        {
            if (HttpMethods.IsPost(request.Method) && !request.HasJsonContentType())
                throw new ValidationException([new("body", "Api.V1.JsonRequired")]);
            throw new NotFoundException();
        }).ExcludeFromDescription();
        return app;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a JSON body; anything that is not one (wrong type, broken JSON, empty) is a 400 that says so.</summary>
    public static async Task<T> ReadBodyAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
            throw new ValidationException([new("body", "Api.V1.JsonRequired")]);
        try
        {
            return await request.ReadFromJsonAsync<T>(Json, request.HttpContext.RequestAborted)
                ?? throw new ValidationException([new("body", "Api.V1.JsonRequired")]);
        }
        catch (JsonException)
        {
            throw new ValidationException([new("body", "Api.V1.BadJson")]);
        }
    }
}

/// <summary>Request language, no cookie identity, and domain exceptions as problem details (400/403/404/429).</summary>
public sealed class V1ErrorFilter(IStringLocalizer localizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ApiRequestContext.Begin(context.HttpContext);
        try
        {
            return await next(context);
        }
        catch (ValidationException e)
        {
            var errors = e.Errors.GroupBy(error => V1Fields.Name(error.Field))
                .ToDictionary(g => g.Key, g => g.Select(error => localizer.Message(error.Code, error.Arguments)).ToArray());
            return TypedResults.ValidationProblem(errors, title: localizer["Error.Validation"]);
        }
        catch (NotFoundException e) { return Problem(StatusCodes.Status404NotFound, localizer.Message(e)); }
        catch (ForbiddenException e) { return Problem(StatusCodes.Status403Forbidden, localizer.Message(e)); }
        catch (ApiRateLimitedException e)
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return Problem(StatusCodes.Status429TooManyRequests, localizer[e.Message]);
        }
        catch (StorageFullException e)
        {
            context.HttpContext.RequestServices.GetRequiredService<StorageHealth>().RecordFull();
            context.HttpContext.Response.Headers.RetryAfter = StorageHealth.RetryAfterSeconds;
            return Problem(StatusCodes.Status503ServiceUnavailable, localizer.Message(e));
        }
        catch (DomainRuleException e) { return Problem(StatusCodes.Status400BadRequest, localizer.Message(e)); }
        catch (Exception e) when (BadInput.IsUnreadableRequest(e)) { return Problem(StatusCodes.Status400BadRequest, localizer["Error.Unreadable"]); }
    }

    private static IResult Problem(int status, string title) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title });
}

/// <summary>Validation errors from domain commands name their properties; the API's fields are camelCase JSON names.</summary>
internal static class V1Fields
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["CategoryId"] = "category",
        ["ServiceAreaId"] = "area",
        ["AccusedDepartmentId"] = "accusedDepartment",
        ["ContactName"] = "caller.name",
        ["ContactPhone"] = "caller.phone",
        ["ContactEmail"] = "caller.email",
        ["ContactAddress"] = "caller.address",
        ["CustomerNumber"] = "caller.customerNumber",
    };

    public static string Name(string field) => Names.TryGetValue(field, out var name) ? name : JsonNamingPolicy.CamelCase.ConvertName(field);
}
