using Feedback.Web.Api.Open311;
using Feedback.Web.Api.V1;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Pages.Error;

/// <summary>
/// The answer for every error status (re-executed by the status-code and exception middleware), in the
/// format of the surface that failed: the localised page for pages, a problem document under
/// <c>/api/v1</c>, the spec's <c>errors</c> document under <c>/open311/v2</c>.
/// It binds nothing from the request and has no handler of its own: whatever broke the request (a form that
/// cannot be read, a failed antiforgery check, an odd method) must not break the error page too.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel(IStringLocalizer localizer) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        // Re-executed for a failed request: describe the status it failed with. A direct visit gets the code it names.
        var statusReExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        var reExecuted = statusReExecuted is not null || exception is not null;
        var named = int.TryParse(RouteData.Values["code"] as string, out var code) ? code : (int?)null;
        var status = reExecuted ? Response.StatusCode : named ?? 500;
        var known = status is 400 or 403 or 404 or 405 or 413 or 429 ? status : status >= 500 ? 500 : 400;
        Title = localizer[$"Error.{known}.Title"];
        Explanation = localizer[$"Error.{known}.Text"];
        if (!reExecuted)
            Response.StatusCode = status is >= 400 and < 600 ? status : 404;

        var failedPath = statusReExecuted?.OriginalPath ?? exception?.Path ?? "";
        if (failedPath.StartsWith(V1Endpoints.Root + "/", StringComparison.OrdinalIgnoreCase))
            context.Result = new ResultAsAction(TypedResults.Problem(new ProblemDetails { Status = Response.StatusCode, Title = Title, Detail = Explanation }));
        else if (failedPath.StartsWith(Open311Endpoints.Root + "/", StringComparison.OrdinalIgnoreCase))
            context.Result = new ResultAsAction(Open311Endpoints.Errors(Response.StatusCode, [Title])
                .As(failedPath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? Open311Document.Xml : Open311Document.Json));
    }

    /// <summary>Runs a minimal-API result (the same documents the API endpoints answer with) from a page.</summary>
    private sealed class ResultAsAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
