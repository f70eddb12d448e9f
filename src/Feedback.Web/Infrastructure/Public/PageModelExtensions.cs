using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Infrastructure.Public;

public static class PageModelExtensions
{
    /// <summary>The page again, with its errors, as a 400: what bad input gets (never a 500, never a 200).</summary>
    public static PageResult InvalidPage(this PageModel page)
    {
        var result = page.Page();
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
