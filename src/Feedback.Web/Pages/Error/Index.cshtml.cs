using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Error;

/// <summary>The page for every error status (re-executed by the status-code and exception middleware).</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel(IStringLocalizer localizer) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Re-executed for a failed request: describe the status it failed with. (Its route value may not have
        // been bound: a POST whose body was refused fails every value provider, so `code` is null then.)
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        var status = reExecuted ? Response.StatusCode : code ?? 500;
        var known = status is 400 or 403 or 404 or 405 or 413 or 429 ? status : status >= 500 ? 500 : 400;
        Title = localizer[$"Error.{known}.Title"];
        Explanation = localizer[$"Error.{known}.Text"];
        // Keep the original status when this page is re-executed; a direct visit gets the code it names.
        if (!reExecuted)
            Response.StatusCode = status is >= 400 and < 600 ? status : 404;
    }
}
