using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// Every string a page binds from the query, the form or the route: a value that is not text
/// (<see cref="PlainText.IsText"/>) is a binding failure with a message next to its field, like a number that
/// is not a number, instead of reaching a handler that would store it or a library that throws on it.
/// </summary>
public sealed class TextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is { IsModelSet: true, Model: string value } && !PlainText.IsText(value))
        {
            var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, localizer["Binding.NotText"]);
            bindingContext.Result = ModelBindingResult.Failed();
        }
    }
}

public sealed class TextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        if (context.Metadata.ModelType != typeof(string))
            return null;
        // Headers, bodies and services have binders of their own; this is about what a form or a link carries.
        var source = context.BindingInfo.BindingSource;
        if (source is not null && source != BindingSource.Query && source != BindingSource.Form && source != BindingSource.Path
            && source != BindingSource.ModelBinding)
            return null;
        return new TextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()));
    }
}
