using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// How the app answers input it cannot use: always a 4xx in the reader's language, never a 500.
/// Pages: <see cref="TextModelBinder"/> and <see cref="BindingFailurePageFilter"/> (the model-binding rule);
/// the error page for every status, in the failing surface's format (page, problem document, Open311 errors);
/// APIs: their error filters answer an unreadable body with <see cref="IsUnreadableRequest"/>.
/// XML answers clean their text with <see cref="XmlOutput"/>; redirect targets go through <see cref="LocalUrl"/>.
/// </summary>
public static class BadInput
{
    public const string ErrorPath = "/Error";

    public static IServiceCollection AddFeedbackBadInput(this IServiceCollection services)
    {
        // Signing in on the login page makes the cookie handler copy ?ReturnUrl= into the Location header as it
        // came; one with Chinese in it cannot be sent. The same rule as every other redirect target (the page
        // sets its own redirect afterwards anyway).
        // Sending someone to sign in (or to the 403 page) carries the page they asked for as ?ReturnUrl=; for
        // an absurdly long address that header would exceed what clients read (64 KB): then the page is dropped.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            options.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Headers.Location = LocalUrl.OrHome(context.RedirectUri);
                return Task.CompletedTask;
            };
            var toLogin = options.Events.OnRedirectToLogin;
            var toAccessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => toLogin(WithoutLongReturnUrl(context));
            options.Events.OnRedirectToAccessDenied = context => toAccessDenied(WithoutLongReturnUrl(context));
        });
        return services.Configure<MvcOptions>(options =>
        {
            // jQuery's nested keys (a[b]) are used by no form here, and their parser throws on a key like "a[":
            // plain form and query values only, so such a key is just a field nobody asked for.
            options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            options.ModelBinderProviders.Insert(0, new TextModelBinderProvider());
            options.Filters.Add<BindingFailurePageFilter>();
        });
    }

    private static RedirectContext<CookieAuthenticationOptions> WithoutLongReturnUrl(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.RedirectUri.Length > LocalUrl.MaxLength && context.RedirectUri.IndexOf('?') is var query and > 0)
            context.RedirectUri = context.RedirectUri[..query];
        return context;
    }

    /// <summary>The error page for exceptions and for every 4xx/5xx without a body. Replaces UseExceptionHandler + UseStatusCodePages.</summary>
    public static WebApplication UseFeedbackErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = ErrorPath + "/500",
            // The request, not the app, was at fault: a malformed body that escaped its reader, a failed antiforgery check.
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                AntiforgeryValidationException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePagesWithReExecute(ErrorPath + "/{0}");
        return app;
    }

    /// <summary>
    /// Antiforgery for the endpoints that ask for it (the language switch): a request that fails the check is
    /// answered 400 here, before anything reads its form (reading it then throws, and the error page would too).
    /// Replaces UseAntiforgery.
    /// </summary>
    public static WebApplication UseFeedbackAntiforgery(this WebApplication app)
    {
        app.UseAntiforgery();
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// An exception that says the request body could not be read (no multipart boundary, a NUL in a form value,
    /// a body cut off or over a limit): for an endpoint that reads its own body, that is a 400, not a fault.
    /// </summary>
    public static bool IsUnreadableRequest(Exception exception) =>
        exception is BadHttpRequestException or InvalidDataException or AntiforgeryValidationException;
}
