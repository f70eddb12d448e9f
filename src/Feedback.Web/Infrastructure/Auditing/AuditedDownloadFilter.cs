using Feedback.Domain.Auditing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Feedback.Web.Infrastructure.Auditing;

/// <summary>
/// The web side of the audit log: every file a page hands out (each CSV, a customer's own data, an
/// attachment, an evidence or review photo, a calendar file) is an <see cref="AuditAction.Export"/>, with
/// the page's route id as the target and its path and query (what was exported: month, measure, filters)
/// as the summary. One filter for every page, so that a new download is audited without anyone remembering to.
/// </summary>
public sealed class AuditedDownloadFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is not FileResult || (executed.Exception is not null && !executed.ExceptionHandled))
            return;
        var request = context.HttpContext.Request;
        context.HttpContext.RequestServices.GetRequiredService<IAuditTrail>().Record(
            new AuditNote(AuditAction.Export, context.RouteData.Values["id"]?.ToString(), $"{request.Path}{request.QueryString}"));
    }
}
