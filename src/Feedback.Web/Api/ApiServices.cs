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
        services.AddOpenApi("v1", V1OpenApi.Configure);
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
