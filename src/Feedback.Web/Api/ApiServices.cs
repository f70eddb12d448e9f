using Feedback.Web.Api.Keys;
using Feedback.Web.Api.Open311;
using Feedback.Web.Api.V1;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.OpenApi;

namespace Feedback.Web.Api;

/// <summary>
/// The partner APIs: Open311 GeoReport v2 (<c>/open311/v2</c>) and the hotline JSON API (<c>/api/v1</c>,
/// described at <c>/openapi/v1.json</c>), with API keys, their rate limit and request log.
/// Settings: <c>RateLimits:apiKey</c> (requests a minute per key, 600), section <c>Open311</c> (see
/// <see cref="Open311Settings"/>), <c>Api:ChangesSettleSeconds</c> (2).
/// </summary>
public static class ApiServices
{
    private const string ApiKeyScheme = "ApiKey";
    public const int MaxRequestLineBytes = 64 * 1024;

    public static IServiceCollection AddFeedbackApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => Open311Settings.FromConfiguration(configuration));
        // GET requests?service_request_id= takes the spec's 1000 ids (~25 KB of tracking numbers and escaped
        // commas): Kestrel's default 8 KB request line answered an empty 414 at ~580.
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestLineSize = Math.Max(options.Limits.MaxRequestLineSize, MaxRequestLineBytes);
            options.Limits.MaxRequestHeadersTotalSize = Math.Max(options.Limits.MaxRequestHeadersTotalSize, MaxRequestLineBytes + 32 * 1024);
        });
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddSingleton<ApiRequestLogWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiRequestLogWriter>());
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Feedback hotline API";
                document.Info.Description = "For the hotline system: file cases for callers, reply, add notes, read cases, follow changes. "
                    + "Send the key in the X-Api-Key header (or Authorization: Bearer). Errors are problem details in the Accept-Language language (zh-CN or en).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyFilter.HeaderName,
                    Description = "A key with the Hotline scope, issued by an administrator on /Admin/ApiKeys.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapFeedbackApi(this WebApplication app)
    {
        app.MapOpen311();
        app.MapApiV1();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
