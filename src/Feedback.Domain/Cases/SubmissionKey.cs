using System.Security.Cryptography;

namespace Feedback.Domain.Cases;

/// <summary>
/// The idempotency key of a filing form: a random value rendered with the form (or sent by an API client as
/// <c>Idempotency-Key</c>) and stored with the case, so the same form sent twice files one case.
/// </summary>
public static class SubmissionKey
{
    public const int MinLength = 16;
    public const int MaxLength = 64;

    /// <summary>128 random bits in lower-case hex: unguessable, so holding a key means having had the form.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Ours, or a client's UUID or token: 16 to 64 letters, digits, '-' or '_'.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: >= MinLength and <= MaxLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>For a form shown again after refused input: the same key (nothing was filed), or a fresh one if it was not one of ours.</summary>
    public static string KeepOrNew(string? key) => IsWellFormed(key) ? key! : New();
}
