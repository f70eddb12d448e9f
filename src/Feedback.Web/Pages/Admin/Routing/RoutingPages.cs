namespace Feedback.Web.Pages.Admin.Routing;

/// <summary>What the routing, SLA and calendar admin pages share.</summary>
public static class RoutingPages
{
    /// <summary>The confirmations a page shows after a redirect (?done=…); anything else is ignored.</summary>
    public static readonly IReadOnlySet<string> DoneMessages =
        new HashSet<string>(StringComparer.Ordinal) { "Added", "Saved", "Moved", "Enabled", "Disabled", "Deleted" };
}
