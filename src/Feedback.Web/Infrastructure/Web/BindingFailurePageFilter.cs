using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// The model-binding rule for every page, before its handler runs:
/// <list type="bullet">
/// <item>a method pages do not answer (TRACE, PUT, …) is a 405, not a page rendered without its handler;</item>
/// <item>a route value that does not bind (<c>/Account/Notice/%20</c>, a malformed id) names nothing: 404;</item>
/// <item>a field name whose brackets do not pair up (<c>a[</c>) is refused like a value that does not bind;</item>
/// <item>a value that does not bind (<c>Input.RememberMe=abc</c>, text with control characters) keeps its
/// message in ModelState, but its raw value is dropped so that the form can be shown again: the tag helpers
/// would otherwise try to convert "abc" back to a checkbox and throw; the page then answers 400.</item>
/// </list>
/// Handlers look at ModelState as they already do (<c>EnsureValid</c>, <c>ModelState.IsValid</c>) so nothing is
/// written from a half-bound form.
/// </summary>
public sealed class BindingFailurePageFilter : IAsyncPageFilter
{
    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // The error page, re-executed for a failed request, answers whatever the request was and reads nothing from it.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next();
            return;
        }
        if (!PageMethods.Any(m => HttpMethods.Equals(m, http.Request.Method)))
        {
            http.Response.Headers.Allow = string.Join(", ", PageMethods);
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }

        if (await MalformedKeyAsync(http.Request) is { } key)
            context.ModelState.AddModelError(string.Empty, http.RequestServices.GetRequiredService<IStringLocalizer>()["Binding.BadKey", key]);

        var failed = context.ModelState.Where(entry => entry.Value is { Errors.Count: > 0 }).ToList();
        foreach (var (_, entry) in failed)
            entry!.RawValue = null;
        // Also above the form: a checkbox or a hidden field has no place for its message.
        foreach (var message in failed.Where(f => f.Key != string.Empty).SelectMany(f => f.Value!.Errors).Select(e => e.ErrorMessage).Distinct().ToList())
            context.ModelState.AddModelError(string.Empty, message);
        if (failed.Count > 0)
            DomainExceptionPageFilter.MarkRefused(http);
        // Parameters of the path itself ("page" and "handler" are route values too, but not part of the path).
        var pathParameters = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        if (failed.Any(entry => pathParameters.Contains(entry.Key)))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var executed = await next();
        if (failed.Count > 0 && executed.Result is PageResult { StatusCode: null or StatusCodes.Status200OK } page)
            page.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>A field name no form of ours produces (<c>a[</c>, <c>]x[</c>): brackets that do not pair up.</summary>
    private static async Task<string?> MalformedKeyAsync(HttpRequest request)
    {
        var keys = request.Query.Keys.AsEnumerable();
        // Read already by antiforgery or binding when the page takes a form; a body that cannot be read was refused there.
        if (request.HasFormContentType)
        {
            try { keys = keys.Concat((await request.ReadFormAsync(request.HttpContext.RequestAborted)).Keys); }
            catch (Exception e) when (BadInput.IsUnreadableRequest(e)) { /* model binding has answered 400 for it already */ }
        }
        return keys.FirstOrDefault(key =>
        {
            var depth = 0;
            foreach (var c in key)
            {
                if (c == '[' && ++depth > 1) return true;
                if (c == ']' && --depth < 0) return true;
            }
            return depth != 0;
        });
    }
}
