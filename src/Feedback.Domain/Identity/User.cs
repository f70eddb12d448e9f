using Microsoft.AspNetCore.Identity;

namespace Feedback.Domain.Identity;

/// <summary>A person who signs in. Roles are Identity roles (see <see cref="Common.Roles"/>).</summary>
public sealed class User : IdentityUser<Guid>
{
    public User() => Id = Guid.CreateVersion7();

    public string DisplayName { get; set; } = "";
    /// <summary>For Staff and DepartmentHeads: the one department they work in.</summary>
    public Guid? DepartmentId { get; set; }
    public string PreferredCulture { get; set; } = "zh-CN";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set on staff accounts an admin creates; cleared once they have set up an authenticator.</summary>
    public bool MustSetUpTwoFactor { get; set; }
    /// <summary>When the person was last given a case (ties in least-loaded assignment).</summary>
    public DateTimeOffset? LastAssignedAt { get; set; }
}

public sealed class Role : IdentityRole<Guid>
{
    public Role() => Id = Guid.CreateVersion7();
    public Role(string name) : this() { Name = name; NormalizedName = name.ToUpperInvariant(); }
}
