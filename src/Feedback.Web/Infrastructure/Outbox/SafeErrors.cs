using System.Text.RegularExpressions;
using Feedback.Domain.Common.Privacy;

namespace Feedback.Web.Infrastructure.Outbox;

/// <summary>
/// An exception as text for logs and the admin's list: type and message of each inner exception, with
/// email addresses masked (SMTP servers like to quote the recipient in their refusals).
/// </summary>
public static partial class SafeErrors
{
    [GeneratedRegex(@"[^\s<>""'(),;:\[\]]+@[^\s<>""'(),;:\[\]]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null && parts.Count < 4; e = e.InnerException)
            parts.Add($"{e.GetType().Name}: {e.Message}");
        return EmailPattern().Replace(string.Join(" → ", parts), m => PersonalDataMasker.MaskEmail(m.Value) ?? "***");
    }
}
