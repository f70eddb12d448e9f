using System.Security.Claims;
using Feedback.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>Puts the display name and department in the cookie so that <see cref="HttpCurrentUser"/> needs no query.</summary>
public sealed class FeedbackClaimsPrincipalFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(HttpCurrentUser.DisplayNameClaim, user.DisplayName));
        if (user.DepartmentId is { } department)
            identity.AddClaim(new Claim(HttpCurrentUser.DepartmentClaim, department.ToString()));
        return identity;
    }
}
