namespace Feedback.Domain.Cases;

/// <summary>How to reach the person who filed a case. Personal data: masked outside the handling department.</summary>
public sealed record ContactDetails(string? Name, string? Phone, string? Email, string? Address, string? CustomerNumber)
{
    public static readonly ContactDetails None = new(null, null, null, null, null);

    public bool CanBeReached => !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(Email);
}
