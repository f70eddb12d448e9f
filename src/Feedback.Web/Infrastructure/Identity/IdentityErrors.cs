using Feedback.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Feedback.Web.Infrastructure.Identity;

/// <summary>Identity's refusals as field errors in the reader's language (Identity's own descriptions are English only).</summary>
public static class IdentityErrors
{
    private static readonly HashSet<string> Known =
    [
        "PasswordTooShort", "PasswordMismatch", "InvalidToken", "InvalidEmail", "DuplicateEmail", "DuplicateUserName",
        "InvalidUserName", "ConcurrencyFailure", "RecoveryCodeRedemptionFailed",
    ];

    public static ValidationException ToValidationException(this IdentityResult result, int requiredPasswordLength, string passwordField = "Password") =>
        new(result.Errors.Select(e => new ValidationError(
            e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email" : passwordField,
            Known.Contains(e.Code) ? $"Account.Identity.{e.Code}" : "Account.Identity.Failed",
            requiredPasswordLength)).ToList());
}
