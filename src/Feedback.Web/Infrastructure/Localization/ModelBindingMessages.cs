using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Localization;

/// <summary>
/// Model binding's own messages ("The value 'x' is not valid") in the reader's language. The provider is
/// built once at start-up, so each message looks the text up when it is produced.
/// </summary>
public static class ModelBindingMessages
{
    private static JsonStringLocalizer? _localizer;

    private static string T(string key, params object[] args) =>
        _localizer?[key, args].Value ?? key;

    public static void Localise(DefaultModelBindingMessageProvider provider)
    {
        _localizer ??= new JsonStringLocalizer(new StringCatalog());
        provider.SetAttemptedValueIsInvalidAccessor((value, field) => T("Binding.ValueInvalid", value));
        provider.SetMissingBindRequiredValueAccessor(field => T("Validation.Required"));
        provider.SetMissingKeyOrValueAccessor(() => T("Validation.Required"));
        provider.SetMissingRequestBodyRequiredValueAccessor(() => T("Validation.Required"));
        provider.SetNonPropertyAttemptedValueIsInvalidAccessor(value => T("Binding.ValueInvalid", value));
        provider.SetNonPropertyUnknownValueIsInvalidAccessor(() => T("Validation.Invalid"));
        provider.SetNonPropertyValueMustBeANumberAccessor(() => T("Binding.MustBeNumber"));
        provider.SetUnknownValueIsInvalidAccessor(field => T("Validation.Invalid"));
        provider.SetValueIsInvalidAccessor(value => T("Binding.ValueInvalid", value));
        provider.SetValueMustBeANumberAccessor(field => T("Binding.MustBeNumber"));
        provider.SetValueMustNotBeNullAccessor(value => T("Validation.Required"));
    }
}
