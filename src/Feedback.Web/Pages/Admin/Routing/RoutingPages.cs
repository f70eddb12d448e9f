using Feedback.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Admin.Routing;

/// <summary>What the routing, SLA and calendar admin pages share.</summary>
public static class RoutingPages
{
    /// <summary>
    /// A form or query string that did not bind (a bogus enum value, a malformed id) is refused before any
    /// command runs: the page filter shows the page again with binding's messages and status 400.
    /// </summary>
    public static void EnsureBound(this PageModel page)
    {
        if (!page.ModelState.IsValid)
            throw new ValidationException([]);
    }

    /// <summary>The confirmations a page shows after a redirect (?done=…); anything else is ignored.</summary>
    public static readonly IReadOnlySet<string> DoneMessages =
        new HashSet<string>(StringComparer.Ordinal) { "Added", "Saved", "Moved", "Enabled", "Disabled", "Deleted" };
}
