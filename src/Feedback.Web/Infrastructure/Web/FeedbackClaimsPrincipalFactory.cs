using System.Security.Claims;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>Puts the display name, department and two-factor state in the cookie so that <see cref="HttpCurrentUser"/> and the two-factor requirement need no query.</summary>
public sealed class FeedbackClaimsPrincipalFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HttpCurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.DepartmentId is { } department)
            identity.AddClaim(new Claim(HttpCurrentUser.DepartmentClaim, department.ToString()));
        if (user.TwoFactorEnabled)
            identity.AddClaim(new Claim(TwoFactorRequirement.Claim, "true"));
        return identity;
    }
}
