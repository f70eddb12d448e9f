using System.Net.Mail;

namespace Feedback.Domain.Common;

/// <summary>What a usable phone number and email address look like, for every form that asks for one.</summary>
public static class ContactRules
{
    public const int EmailMaxLength = 254;

    public static bool IsEmail(string value)
    {
        if (value.Length > EmailMaxLength || value.Contains(' ')) return false;
        return MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.');
    }

    /// <summary>Mainland mobiles (138 0013 8000), landlines with area code (0543-1234567), +86 forms: 7–20 digits and separators.</summary>
    public static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 20 && value.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')');
    }
}
