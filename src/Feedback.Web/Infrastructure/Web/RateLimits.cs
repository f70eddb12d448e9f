using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// Per-client-address limits (DESIGN §6) on the POSTs of the three doors that invite abuse: filing, tracking
/// by number + PIN (guessing PINs), and signing in (with registration and the email-link forms), and on every
/// API request. Limits per minute come from configuration (RateLimits:*). The client address is the one a
/// configured proxy forwarded (AccountSecurity), so users behind one proxy do not share a budget.
/// Apply with <c>[EnableRateLimiting(RateLimits.Tracking)]</c> on the page model.
/// </summary>
public static class RateLimits
{
    public const string Filing = "filing";
    public const string Tracking = "tracking";
    public const string SignIn = "signin";
    public const string Api = "api";

    public static IServiceCollection AddFeedbackRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(options =>
        {
            foreach (var (policy, defaultPerMinute) in new[] { (Filing, 10), (Tracking, 20), (SignIn, 30), (Api, 600) })
            {
                var perMinute = configuration.GetValue($"RateLimits:{policy}", defaultPerMinute);
                options.AddPolicy(policy, context => IsReadOnly(context.Request.Method) && policy is not Api
                    // Page-level attributes cover GET too (Razor Pages ignore them on handler methods): showing
                    // a form is free, only sending it counts — a tracking number in a link may be opened often,
                    // and a service centre behind one address opens the sign-in page many times at shift start.
                    // Wrong passwords, codes and PINs have their own budgets per account and per tracking
                    // number (GuessingLimits).
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        $"{policy}:{context.Connection.RemoteIpAddress}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            }
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                // An API answers in its own error format (Open311's errors document, …) when its endpoints say how.
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRateLimitRejectionWriter>() is { } writer)
                {
                    context.HttpContext.Response.Headers.RetryAfter = "60";
                    await writer.WriteAsync(context.HttpContext);
                    return;
                }
                var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(localizer["Error.TooManyRequests"], cancellationToken);
            };
        });
        return services;
    }

    private static bool IsReadOnly(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}

/// <summary>Endpoint metadata: writes the 429 for a rate-limited request in the endpoint's own format.</summary>
public interface IRateLimitRejectionWriter
{
    Task WriteAsync(HttpContext context);
}
