using System.Security.Claims;
using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Web.Api.Keys;

namespace Feedback.Web.Infrastructure.Auditing;

/// <summary>
/// Stamps an audit note with who (the signed-in account, or the API key and the account it acts as), when,
/// and from where (the client address as the server sees it, after any forwarded-headers handling, and the
/// user agent), and queues it for the writer.
/// </summary>
public sealed class HttpAuditTrail(IHttpContextAccessor accessor, ICurrentUser user, TimeProvider clock, AuditLogWriter writer) : IAuditTrail
{
    public void Record(AuditNote note)
    {
        var http = accessor.HttpContext;
        var keyId = Guid.TryParse(http?.User.FindFirstValue(ApiKeyFilter.KeyIdClaim), out var id) ? id : (Guid?)null;
        var address = http?.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : null;
        var userAgent = http?.Request.Headers.UserAgent.ToString();
        writer.Append(new AuditEntry(clock.GetUtcNow(), user.UserId, user.DisplayName, keyId, note, address,
            string.IsNullOrEmpty(userAgent) ? null : userAgent));
    }
}
