namespace Feedback.Domain.Cases;

/// <summary>
/// What the monthly KPIs need stored on the case at submission (DESIGN §5): the normalised contact keys the
/// repeat-complaint lookup searches, and the repeat-complaint flag itself, so reports never re-derive history.
/// </summary>
public sealed partial class Case
{
    public const int RepeatWindowDays = 30;

    /// <summary>The contact phone as digits only (no +86 / 0086 prefix): "138 1234-5678" and "+8613812345678" match.</summary>
    public string? ContactPhoneKey { get; private set; }
    /// <summary>The contact email, trimmed and lower case.</summary>
    public string? ContactEmailKey { get; private set; }
    /// <summary>重复投诉: a complaint from a contact who complained in the same category in the previous 30 days.</summary>
    public bool IsRepeatComplaint { get; private set; }

    /// <summary>Called once the repeat lookup found an earlier complaint (see RepeatComplaints).</summary>
    public void FlagAsRepeatComplaint()
    {
        if (Kind == CaseKind.Complaint)
            IsRepeatComplaint = true;
    }

    private void KeepContactKeys()
    {
        ContactPhoneKey = PhoneKey(Contact.Phone);
        ContactEmailKey = EmailKey(Contact.Email);
    }

    public static string? PhoneKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return digits.Length == 0 ? null : digits;
    }

    public static string? EmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}
