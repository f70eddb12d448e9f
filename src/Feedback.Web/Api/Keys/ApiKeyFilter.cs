using System.Security.Claims;
using System.Threading.RateLimiting;
using Feedback.Domain.Api;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Api.Keys;

/// <summary>
/// Lets a request through only with a valid, unrevoked key that has <paramref name="scope"/>, within the
/// key's rate limit; logs the request against the key; and makes the key's identity the request's user
/// (see ADR "API keys"). Problems are thrown as domain exceptions so each API writes them in its own format.
/// </summary>
public sealed class ApiKeyFilter(ApiScopes scope) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";
    public const string FormField = "api_key";
    public const string KeyIdClaim = "feedback:api_key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var secret = await ReadSecretAsync(http.Request);
        if (string.IsNullOrWhiteSpace(secret))
            throw new ForbiddenException("Api.Key.Missing");

        var db = services.GetRequiredService<FeedbackDbContext>();
        var hash = ApiKey.Hash(secret.Trim());
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.SecretHash == hash, http.RequestAborted)
            ?? throw new ForbiddenException("Api.Key.Invalid");

        var log = services.GetRequiredService<ApiRequestLogWriter>();
        var clock = services.GetRequiredService<TimeProvider>();
        var at = clock.GetUtcNow();
        http.Response.OnCompleted(() =>
        {
            log.Append(new ApiRequestLogEntry(key.Id, at, http.Request.Method, http.Request.Path.Value ?? "", http.Response.StatusCode));
            return Task.CompletedTask;
        });

        if (key.IsRevoked)
            throw new ForbiddenException("Api.Key.Revoked");
        if (!key.Scopes.HasFlag(scope))
            throw new ForbiddenException("Api.Key.Scope");
        using var lease = services.GetRequiredService<ApiKeyRateLimiter>().Acquire(key.Id);
        if (!lease.IsAcquired)
            throw new ApiRateLimitedException();

        http.User = await PrincipalForAsync(key, services, http.RequestAborted);
        return await next(context);
    }

    private static async Task<string?> ReadSecretAsync(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
            return header.ToString();
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return authorization["Bearer ".Length..];
        if (request.HasFormContentType)
            return (await request.ReadFormAsync(request.HttpContext.RequestAborted))[FormField].FirstOrDefault();
        return null;
    }

    /// <summary>
    /// An Open311 key is only a client that may file (role ApiClient). A hotline key acts as its staff account
    /// with that account's case-working roles and department, never its admin rights; its name on the timeline
    /// says which system acted for whom. A locked or deleted account stops the key.
    /// </summary>
    private static async Task<ClaimsPrincipal> PrincipalForAsync(ApiKey key, IServiceProvider services, CancellationToken cancellationToken)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Role, Roles.ApiClient),
            new(KeyIdClaim, key.Id.ToString()),
        };
        var displayName = key.Name;
        if (key.ActingUserId is { } actingUserId)
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(actingUserId.ToString());
            if (user is null || await users.IsLockedOutAsync(user))
                throw new ForbiddenException("Api.Key.ActingUserInactive");
            var acting = await services.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
            claims.AddRange(acting.Claims.Where(c =>
                c.Type is ClaimTypes.NameIdentifier or HttpCurrentUser.DepartmentClaim
                || (c.Type == ClaimTypes.Role && c.Value is Roles.Staff or Roles.DepartmentHead or Roles.Dispatcher)));
            displayName = $"{user.DisplayName} ({key.Name})";
        }
        claims.Add(new(HttpCurrentUser.DisplayNameClaim, displayName.Length > 100 ? displayName[..100] : displayName));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "ApiKey", ClaimTypes.Name, ClaimTypes.Role));
    }
}

public static class ApiKeyFilterExtensions
{
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder, ApiScopes scope) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ApiKeyFilter(scope));
}

/// <summary>
/// One fixed window per key (RateLimits:apiKey requests a minute, default 600), from ASP.NET's rate
/// limiting primitives. Partitioned here rather than in the global limiter because the key is known only
/// after the form is read (Open311 sends it as a form field), which the middleware runs before.
/// </summary>
public sealed class ApiKeyRateLimiter(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(keyId =>
        RateLimitPartition.GetFixedWindowLimiter(keyId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("RateLimits:apiKey", 600)),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public RateLimitLease Acquire(Guid keyId) => _limiter.AttemptAcquire(keyId);

    public void Dispose() => _limiter.Dispose();
}
