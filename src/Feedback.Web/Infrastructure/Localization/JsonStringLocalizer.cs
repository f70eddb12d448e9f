using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Localization;

/// <summary>
/// The one localizer behind <c>IStringLocalizer</c> and <c>IStringLocalizer&lt;T&gt;</c>: looks the key up
/// in the current UI culture. A missing key shows the key itself (and the completeness test fails).
/// </summary>
public sealed class JsonStringLocalizer(StringCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Keys(StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name)).Select(k => this[k]);
}

public sealed class JsonStringLocalizerFactory(JsonStringLocalizer localizer) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => localizer;
    public IStringLocalizer Create(string baseName, string location) => localizer;
}
