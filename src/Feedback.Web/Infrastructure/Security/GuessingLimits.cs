using System.Net;
using Feedback.Domain.Common;
using Feedback.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Feedback.Web.Infrastructure.Security;

/// <summary>
/// The failure budgets for the doors where someone may guess a secret: signing in (per account at one
/// address, per account, per address) and tracking a case (per tracking number). Instead of locking an
/// account, a key that used up its budget is refused until its window ends — and since the account budget
/// is kept per address too, a stranger who types wrong passwords for someone's address stops only
/// themselves, not the owner signing in elsewhere. Settings: Security:SignInFailures:* and
/// Security:TrackingFailures:* (see README).
/// </summary>
public sealed class GuessingLimits(FailureThrottle throttle, TimeProvider clock, IConfiguration configuration)
{
    private readonly FailureBudget _accountAtAddress = Budget(configuration, "SignInFailures", "PerAccountAndAddress", 5, 15);
    private readonly FailureBudget _account = Budget(configuration, "SignInFailures", "PerAccount", 30, 15);
    private readonly FailureBudget _address = Budget(configuration, "SignInFailures", "PerAddress", 100, 15);
    private readonly FailureBudget _trackingNumber = Budget(configuration, "TrackingFailures", "PerNumber", 10, 60);

    /// <summary>Whole minutes until this sign-in may be tried again, or null when it may be tried now.</summary>
    public int? SignInWaitMinutes(string email, IPAddress? address) =>
        Minutes(Latest(
            throttle.BlockedUntil(_accountAtAddress, AccountAt(email, address)),
            throttle.BlockedUntil(_account, Account(email)),
            throttle.BlockedUntil(_address, Address(address))));

    /// <summary>A wrong password or code, for a real or an unknown account alike.</summary>
    public void SignInFailed(string email, IPAddress? address)
    {
        throttle.RecordFailure(_accountAtAddress, AccountAt(email, address));
        throttle.RecordFailure(_account, Account(email));
        throttle.RecordFailure(_address, Address(address));
    }

    /// <summary>
    /// The right password: the account's failures are forgotten. The address keeps its count, or one valid
    /// account would let a credential-stuffing address start over.
    /// </summary>
    public void SignInSucceeded(string email, IPAddress? address)
    {
        throttle.Reset(_accountAtAddress, AccountAt(email, address));
        throttle.Reset(_account, Account(email));
    }

    /// <summary>
    /// A signed-in person re-types their password (or a code) to confirm a change: the check runs only within
    /// the account's sign-in budget and a wrong answer uses it up, so an open session cannot be used to guess
    /// the password at leisure.
    /// </summary>
    public async Task<bool> ConfirmAsync(User user, IPAddress? address, Func<Task<bool>> check)
    {
        var email = user.Email ?? user.Id.ToString();
        if (SignInWaitMinutes(email, address) is { } minutes)
            throw new DomainRuleException("Account.Login.Throttled", minutes);
        if (await check()) return true;
        SignInFailed(email, address);
        return false;
    }

    /// <summary>Whole minutes until this tracking number may be tried again, or null.</summary>
    public int? TrackingWaitMinutes(string trackingNumber) => Minutes(throttle.BlockedUntil(_trackingNumber, trackingNumber));

    /// <summary>A wrong PIN or an unknown number: counted the same, so the answer never says which.</summary>
    public void TrackingFailed(string trackingNumber) => throttle.RecordFailure(_trackingNumber, trackingNumber);

    private int? Minutes(DateTimeOffset? until) =>
        until is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : null;

    private static DateTimeOffset? Latest(params DateTimeOffset?[] candidates) => candidates.Max();

    private static string Account(string email) => email.Trim().ToUpperInvariant();
    private static string Address(IPAddress? address) => address?.ToString() ?? "-";
    private static string AccountAt(string email, IPAddress? address) => $"{Account(email)}@{Address(address)}";

    private static FailureBudget Budget(IConfiguration configuration, string section, string name, int defaultLimit, int defaultMinutes) =>
        new($"{section}:{name}",
            Math.Max(1, configuration.GetValue($"Security:{section}:{name}", defaultLimit)),
            TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue($"Security:{section}:WindowMinutes", defaultMinutes))));
}

/// <summary>A password check against a hash nobody has, for sign-ins to addresses without an account.</summary>
public static class UnknownAccountPassword
{
    private static readonly Lazy<string> Hash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    public static void Check(UserManager<User> users, string password) =>
        users.PasswordHasher.VerifyHashedPassword(new User(), Hash.Value, password);
}
