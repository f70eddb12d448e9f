using System.Security.Claims;
using Feedback.Domain.Common;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>The signed-in user as the domain sees them, read from the auth cookie's claims.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string DisplayNameClaim = "feedback:display_name";
    public const string DepartmentClaim = "feedback:department";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? UserId =>
        Principal?.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? DisplayName => Principal?.FindFirstValue(DisplayNameClaim) ?? Principal?.Identity?.Name;

    public Guid? DepartmentId => Guid.TryParse(Principal?.FindFirstValue(DepartmentClaim), out var id) ? id : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public Guid? ApiKeyId => Guid.TryParse(Principal?.FindFirstValue(Api.Keys.ApiKeyFilter.KeyIdClaim), out var id) ? id : null;
}
