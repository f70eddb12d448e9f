using System.Globalization;
using Feedback.Web.Infrastructure.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Public;

/// <summary>The organisation's public pages (service commitments, how we handle feedback, privacy) from content/pages.</summary>
public sealed class ContentPageModel(ContentPages pages) : PageModel
{
    public ContentPage Article { get; private set; } = null!;

    public IActionResult OnGet(string slug)
    {
        if (pages.Find(slug, CultureInfo.CurrentUICulture.Name) is not { } page)
            return NotFound();
        Article = page;
        return Page();
    }
}
