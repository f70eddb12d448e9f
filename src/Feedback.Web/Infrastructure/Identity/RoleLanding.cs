using Feedback.Domain.Common;

namespace Feedback.Web.Infrastructure.Identity;

/// <summary>
/// Where a person lands after signing in when no page was asked for: their own work (ADR 0023). Someone with
/// several roles lands on the first that applies, in this order.
/// </summary>
public static class RoleLanding
{
    private static readonly (string Role, string Path)[] Landings =
    [
        (Roles.Admin, "/Admin"),
        (Roles.Dispatcher, "/Dispatch/Triage"),
        // Heads work their department's queue (and approvals from it); the dashboard is one click away.
        (Roles.DepartmentHead, "/Staff/Queue"),
        (Roles.Staff, "/Staff/Queue"),
        (Roles.Supervisor, "/Supervisor"),
    ];

    /// <summary>Customers (and anyone without a working role) see the cases they filed.</summary>
    public const string Customer = "/Customer/Cases";

    public static string For(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        foreach (var (role, path) in Landings)
            if (held.Contains(role))
                return path;
        return Customer;
    }
}
