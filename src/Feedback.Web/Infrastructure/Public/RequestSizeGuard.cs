using Feedback.Domain.Cases;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Feedback.Web.Infrastructure.Public;

/// <summary>
/// Answers a request whose declared body is larger than the server accepts with 413 before anything reads
/// it. Otherwise the first reader (antiforgery, model binding) fails on the body and the person gets a
/// vague 400; this way the status-code page explains the upload limits. Place it after
/// UseStatusCodePagesWithReExecute so that the error page is shown.
/// </summary>
public static class RequestSizeGuard
{
    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? UploadLimits.MaxRequestBytes;
        // The error page is re-executed with the same request: let it through.
        if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next(context);
    });
}
