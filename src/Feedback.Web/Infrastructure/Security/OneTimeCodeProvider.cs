using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Feedback.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Feedback.Web.Infrastructure.Security;

/// <summary>
/// The authenticator-app codes (RFC 6238: SHA-1, 30-second steps, 6 digits, two steps of clock drift either
/// way — what Identity's own provider accepts), with one addition: a code is accepted once. The time step of
/// the last accepted code is kept per person as an Identity authentication token (no schema change), and a
/// code of that step or an earlier one is refused, so a code seen over someone's shoulder or in a proxy log
/// cannot be replayed within its window. Every check goes through here: the sign-in step, turning two-step
/// verification on, and confirming a reset.
/// </summary>
public sealed class OneTimeCodeProvider(TimeProvider clock) : AuthenticatorTokenProvider<User>
{
    public const string Name = "FeedbackAuthenticator";
    private const string TokenProvider = "[Feedback]";
    private const string LastStepToken = "LastAcceptedTotpStep";
    private const int DriftSteps = 2;

    /// <summary>One check at a time per person, so that two requests carrying the same code cannot both pass.</summary>
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Gates = new();

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var keyBytes = Base32.Decode(key);
        if (keyBytes is null) return false;

        var typed = Encoding.ASCII.GetBytes(token);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        long? matched = null;
        for (var step = now - DriftSteps; step <= now + DriftSteps; step++)
            if (CryptographicOperations.FixedTimeEquals(Code(keyBytes, step), typed))
                matched = step;
        if (matched is not { } accepted) return false;

        var gate = Gates.GetOrAdd(user.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            var last = await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken);
            if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && accepted <= lastStep)
                return false;
            var stored = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, accepted.ToString(CultureInfo.InvariantCulture));
            return stored.Succeeded;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The six digits (as ASCII bytes) for one time step.</summary>
    private static byte[] Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return Encoding.ASCII.GetBytes((binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
    }

    /// <summary>RFC 4648 base32, as Identity writes authenticator keys.</summary>
    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[]? Decode(string text)
        {
            var bytes = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text.TrimEnd('='))
            {
                var value = Alphabet.IndexOf(char.ToUpperInvariant(c));
                if (value < 0) return null;
                buffer = ((buffer << 5) | value) & 0xffff;
                bits += 5;
                if (bits >= 8)
                {
                    bytes.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return [.. bytes];
        }
    }
}
