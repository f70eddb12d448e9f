using Feedback.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Feedback.Web.Infrastructure.Localization;

public static class LocalizerExtensions
{
    /// <summary>An enum value's label, from the key <c>EnumType.Value</c> (e.g. <c>CaseStatus.Resolved</c>).</summary>
    public static string Enum<TEnum>(this IStringLocalizer localizer, TEnum value) where TEnum : struct, System.Enum =>
        localizer[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>A broken rule or validation error, in the reader's language; enum arguments are localised too.</summary>
    public static string Message(this IStringLocalizer localizer, string code, object[] arguments) =>
        localizer[code, arguments.Select(a => a is System.Enum e ? (object)localizer[$"{e.GetType().Name}.{e}"].Value : a).ToArray()];

    public static string Message(this IStringLocalizer localizer, DomainRuleException error) =>
        localizer.Message(error.Code, error.Arguments);
}
