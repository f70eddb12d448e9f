using Feedback.Domain.Common;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// Turns what the domain refuses into what a person should see, for every page handler:
/// validation errors → the form again with each message next to its field (400);
/// another broken rule → the page again with the message on top (400);
/// not found → 404; forbidden → 403; a full disk → the form again with "nothing was saved, try again later"
/// (503, and /healthz reports degraded). Nothing reaches the 500 page.
/// Convention: a handler loads what its page shows before it sends the command, so the page can be
/// shown again as it was. Where a handler breaks that convention the page cannot be rendered again; the
/// answer is then the 400 error page (logged as the bug it is) rather than a 500 for input that was refused.
/// </summary>
public sealed class DomainExceptionPageFilter(IStringLocalizer localizer, StorageHealth storage, ILogger<DomainExceptionPageFilter> logger) : IAsyncPageFilter, IAsyncResultFilter
{
    private const string RefusedInputKey = "Feedback.RefusedInput";

    /// <summary>Marks the request as one whose input was refused: the page about to be shown again answers 4xx whatever happens.</summary>
    public static void MarkRefused(HttpContext context) => context.Items[RefusedInputKey] = true;

    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        if (executed.Exception is null || executed.ExceptionHandled || !http.Items.ContainsKey(RefusedInputKey) || http.Response.HasStarted)
            return;
        logger.LogError(executed.Exception, "The page {Page} could not be shown again after its input was refused; answering with the 400 page.", http.Request.Path);
        executed.ExceptionHandled = true;
        http.Response.Clear();
        // Empty 400: the status-code page explains it in the reader's language.
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is not DomainRuleException error || executed.ExceptionHandled)
            return;

        executed.ExceptionHandled = true;
        executed.Result = error switch
        {
            NotFoundException => new NotFoundResult(),
            ForbiddenException => new StatusCodeResult(StatusCodes.Status403Forbidden),
            StorageFullException => StorageFull(context, error),
            _ => ShowPageAgain(context, error),
        };
    }

    private IActionResult StorageFull(PageHandlerExecutingContext context, DomainRuleException error)
    {
        storage.RecordFull();
        context.HttpContext.Response.Headers.RetryAfter = StorageHealth.RetryAfterSeconds;
        return ShowPageAgain(context, error, StatusCodes.Status503ServiceUnavailable);
    }

    private IActionResult ShowPageAgain(PageHandlerExecutingContext context, DomainRuleException error, int status = StatusCodes.Status400BadRequest)
    {
        MarkRefused(context.HttpContext);
        var modelState = context.ModelState;
        if (error is ValidationException validation)
        {
            var prefix = (context.HandlerInstance as IFormPrefix)?.FormPrefix;
            foreach (var e in validation.Errors)
                modelState.AddModelError(string.IsNullOrEmpty(prefix) ? e.Field : $"{prefix}.{e.Field}", localizer.Message(e.Code, e.Arguments));
        }
        else
        {
            modelState.AddModelError(string.Empty, localizer.Message(error));
        }

        if (context.HandlerInstance is PageModel page)
        {
            var result = page.Page();
            result.StatusCode = status;
            return result;
        }
        return new StatusCodeResult(status);
    }
}

/// <summary>A page whose form fields are bound under a prefix (e.g. <c>Input</c>) says so, so errors land next to the right field.</summary>
public interface IFormPrefix
{
    string FormPrefix { get; }
}
