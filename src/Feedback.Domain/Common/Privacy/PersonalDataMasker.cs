namespace Feedback.Domain.Common.Privacy;

/// <summary>
/// The one masking function for personal data shown outside the handling department or in public
/// (DESIGN §6): 张** / 138****5678 / z***@example.com.
/// </summary>
public static class PersonalDataMasker
{
    /// <summary>Keeps the first character (a Chinese surname, or a Latin initial) and masks the rest.</summary>
    public static string? MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return name;
        var trimmed = name.Trim();
        var first = char.IsSurrogate(trimmed[0]) && trimmed.Length > 1 ? trimmed[..2] : trimmed[..1];
        if (IsCjk(trimmed[0]))
            return first + new string('*', Math.Max(1, trimmed.Length - first.Length));
        // Latin names: "John Smith" → "J*** S****"
        return string.Join(' ', trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(part => part[0] + new string('*', Math.Max(1, part.Length - 1))));
    }

    /// <summary>Keeps the first three and last four digits of a mobile; for shorter numbers the last two.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return phone;
        var digits = phone.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length >= 11)
            return new string(digits[..3]) + "****" + new string(digits[^4..]);
        if (digits.Length >= 7)
            return new string(digits[..Math.Min(4, digits.Length - 4)]) + "****" + new string(digits[^2..]);
        return "****";
    }

    /// <summary>Keeps the first character and the domain: z***@example.com (a full-width ＠ counts as the at sign).</summary>
    public static string? MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return email;
        var at = email.IndexOfAny(['@', '＠']);
        return at <= 0 ? "***" : email[0] + "***" + email[at..];
    }

    /// <summary>Keeps the district-level start of an address (first 6 characters) and masks the rest.</summary>
    public static string? MaskAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address)) return address;
        var trimmed = address.Trim();
        return trimmed.Length <= 6 ? new string('*', trimmed.Length) : trimmed[..6] + "****";
    }

    /// <summary>Customer account numbers: only the last four digits remain.</summary>
    public static string? MaskAccountNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return number;
        var trimmed = number.Trim();
        return trimmed.Length <= 4 ? "****" : new string('*', trimmed.Length - 4) + trimmed[^4..];
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
