using System.Security.Cryptography;
using System.Text;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Security;

/// <summary>
/// Identity's EF store, except for the two two-factor secrets it would keep in plain text in AspNetUserTokens:
/// recovery codes are stored as SHA-256 hashes (they are random, 50 bits each, shown once; a slow hash would
/// only slow down the one-in-ten comparison at sign-in), and the authenticator key — which must be read back
/// to compute codes — is encrypted with ASP.NET Data Protection (the keys in the data folder's keys/).
/// Values written before this store (plain) still work and are converted by <see cref="TwoFactorSecretsMigration"/>
/// at start-up, or when the person next uses a recovery code.
/// </summary>
public sealed class ProtectedSecretsUserStore(FeedbackDbContext context, SecretProtection protection, IdentityErrorDescriber? describer = null)
    : UserStore<User, Role, FeedbackDbContext, Guid>(context, describer)
{
    // Identity's own names for these tokens (private constants in UserStoreBase).
    public const string IdentityProvider = "[AspNetUserStore]";
    public const string AuthenticatorKeyToken = "AuthenticatorKey";
    public const string RecoveryCodesToken = "RecoveryCodes";

    public override Task SetAuthenticatorKeyAsync(User user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, IdentityProvider, AuthenticatorKeyToken, protection.ProtectKey(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(User user, CancellationToken cancellationToken) =>
        protection.UnprotectKey(await GetTokenAsync(user, IdentityProvider, AuthenticatorKeyToken, cancellationToken));

    public override Task ReplaceCodesAsync(User user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        SetTokenAsync(user, IdentityProvider, RecoveryCodesToken, string.Join(";", recoveryCodes.Select(SecretProtection.HashCode)), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(User user, string code, CancellationToken cancellationToken)
    {
        var stored = SecretProtection.SplitCodes(await GetTokenAsync(user, IdentityProvider, RecoveryCodesToken, cancellationToken));
        var match = stored.FindIndex(entry => SecretProtection.CodeMatches(entry, code));
        if (match < 0) return false;
        stored.RemoveAt(match);
        // The rest are stored hashed again, which also converts codes left from before hashing.
        await SetTokenAsync(user, IdentityProvider, RecoveryCodesToken, string.Join(";", stored.Select(SecretProtection.HashStored)), cancellationToken);
        return true;
    }

    public override async Task<int> CountCodesAsync(User user, CancellationToken cancellationToken) =>
        SecretProtection.SplitCodes(await GetTokenAsync(user, IdentityProvider, RecoveryCodesToken, cancellationToken)).Count;
}

/// <summary>How the two secrets are kept; shared by the store and the start-up conversion.</summary>
public sealed class SecretProtection(IDataProtectionProvider dataProtection)
{
    private const string KeyPrefix = "dp1:";
    private const string HashPrefix = "sha256:";
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Feedback.Identity.AuthenticatorKey.v1");

    public string ProtectKey(string key) => KeyPrefix + _protector.Protect(key);

    /// <summary>The plain key; a value from before protection is returned as it is.</summary>
    public string? UnprotectKey(string? stored)
    {
        if (string.IsNullOrEmpty(stored) || !stored.StartsWith(KeyPrefix, StringComparison.Ordinal)) return stored;
        try
        {
            return _protector.Unprotect(stored[KeyPrefix.Length..]);
        }
        catch (CryptographicException)
        {
            // The data-protection keys were lost: the key cannot be read, the person resets their authenticator
            // (a recovery code still signs them in).
            return null;
        }
    }

    public static bool IsProtectedKey(string stored) => stored.StartsWith(KeyPrefix, StringComparison.Ordinal);

    public static string HashCode(string code) =>
        HashPrefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));

    /// <summary>A stored entry, hashed if it is not yet.</summary>
    public static string HashStored(string entry) => entry.StartsWith(HashPrefix, StringComparison.Ordinal) ? entry : HashCode(entry);

    public static bool CodeMatches(string entry, string typed) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashStored(entry)), Encoding.ASCII.GetBytes(HashCode(typed)));

    public static List<string> SplitCodes(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : [.. stored.Split(';', StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>At start-up: protects authenticator keys and hashes recovery codes stored in plain text before <see cref="ProtectedSecretsUserStore"/>.</summary>
public sealed class TwoFactorSecretsMigration(FeedbackDbContext db, SecretProtection protection) : ISeeder
{
    public int Order => 5;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var tokens = await db.UserTokens
            .Where(t => t.LoginProvider == ProtectedSecretsUserStore.IdentityProvider
                && (t.Name == ProtectedSecretsUserStore.AuthenticatorKeyToken || t.Name == ProtectedSecretsUserStore.RecoveryCodesToken))
            .ToListAsync(cancellationToken);
        foreach (var token in tokens.Where(t => !string.IsNullOrEmpty(t.Value)))
        {
            token.Value = token.Name == ProtectedSecretsUserStore.AuthenticatorKeyToken
                ? SecretProtection.IsProtectedKey(token.Value!) ? token.Value : protection.ProtectKey(token.Value!)
                : string.Join(";", SecretProtection.SplitCodes(token.Value).Select(SecretProtection.HashStored));
        }
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(cancellationToken);
    }
}
