using System.Text;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// What counts as text a person can have typed: no C0 control character other than tab, line feed and
/// carriage return, no lone surrogate, no U+FFFE/U+FFFF. Anything else cannot be shown, breaks XML 1.0 and
/// makes .NET's normalisation throw, so a request carrying it is refused (<see cref="TextModelBinder"/>) and
/// text already stored is cleaned on the way into XML (<see cref="XmlOutput"/>).
/// </summary>
public static class PlainText
{
    public static bool IsText(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (!IsTextChar(c)) return false;
        }
        return true;
    }

    /// <summary>A UTF-16 unit that may stand on its own in text (surrogate pairs are checked by the caller).</summary>
    public static bool IsTextChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF');

    /// <summary>The text without what <see cref="IsText"/> refuses (kept pairs stay whole).</summary>
    public static string Clean(string value)
    {
        if (IsText(value)) return value;
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) builder.Append(value, i++, 2);
            else if (IsTextChar(c)) builder.Append(c);
        }
        return builder.ToString();
    }
}
