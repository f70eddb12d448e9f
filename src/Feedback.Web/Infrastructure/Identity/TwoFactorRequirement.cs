using System.Security.Claims;
using Feedback.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Feedback.Web.Infrastructure.Identity;

/// <summary>
/// DESIGN §1: staff, department heads, dispatchers, admins (and appointed supervisors) must use an authenticator app when
/// Security:RequireTwoFactorForStaff is on. Whether a person has set one up travels in their cookie
/// (<see cref="Claim"/>, written at sign-in), so the check needs no query.
/// </summary>
public sealed class TwoFactorRequirement(bool required)
{
    public const string Claim = "feedback:two_factor";
    public const string SetUpPath = "/Account/Manage/TwoFactor";

    public bool IsRequired => required;

    public bool AppliesTo(IEnumerable<string> roles) => required && roles.Any(Roles.TwoFactor.Contains);

    public bool MustSetUp(ClaimsPrincipal user) =>
        required && user.Identity?.IsAuthenticated == true && Roles.TwoFactor.Any(user.IsInRole) && !user.HasClaim(Claim, "true");
}

/// <summary>Until a privileged person has set up two-factor authentication, every page sends them to the set-up page.</summary>
public sealed class TwoFactorRequirementFilter(TwoFactorRequirement requirement) : IAuthorizationFilter
{
    // Pages such a person may still reach: the set-up itself, signing out, and the error pages.
    private static readonly string[] Open = [TwoFactorRequirement.SetUpPath, "/Account/Logout", "/Error"];

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!requirement.MustSetUp(http.User)) return;
        if (Open.Any(path => http.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))) return;
        context.Result = new RedirectResult(TwoFactorRequirement.SetUpPath);
    }
}
