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

    /// <summary>
    /// Takes one guess from the three sign-in budgets before the password is checked; returns the whole
    /// minutes to wait instead when one of them is used up (and then takes nothing). A guess that fails needs
    /// nothing more: it stays counted, for a real or an unknown account alike.
    /// </summary>
    public int? TryBeginSignIn(string email, IPAddress? address)
    {
        var taken = new List<(FailureBudget, string)>(3);
        foreach (var (budget, key) in SignInKeys(email, address))
        {
            if (throttle.TryTake(budget, key) is { } until)
            {
                foreach (var (takenBudget, takenKey) in taken) throttle.Refund(takenBudget, takenKey);
                return Minutes(until);
            }
            taken.Add((budget, key));
        }
        return null;
    }

    /// <summary>
    /// The right password: the account's failures are forgotten and the address gets its guess back. The
    /// address keeps its other failures, or one valid account would let a credential-stuffing address start over.
    /// </summary>
    public void SignInSucceeded(string email, IPAddress? address)
    {
        throttle.Reset(_accountAtAddress, AccountAt(email, address));
        throttle.Reset(_account, Account(email));
        throttle.Refund(_address, Address(address));
    }

    /// <summary>
    /// A signed-in person re-types their password (or a code) to confirm a change: the check runs only within
    /// the account's sign-in budgets and a wrong answer uses them up, so an open session cannot be used to
    /// guess the password at leisure.
    /// </summary>
    public async Task<bool> ConfirmAsync(User user, IPAddress? address, Func<Task<bool>> check)
    {
        var email = user.Email ?? user.Id.ToString();
        if (TryBeginSignIn(email, address) is { } minutes)
            throw new DomainRuleException("Account.Login.Throttled", minutes);
        if (!await check()) return false;
        SignInSucceeded(email, address);
        return true;
    }

    /// <summary>
    /// Takes one guess from the tracking number's budget (unknown numbers are counted the same, so the answer
    /// never says which exists); returns the whole minutes to wait instead when it is used up.
    /// </summary>
    public int? TryBeginTracking(string trackingNumber) => Minutes(throttle.TryTake(_trackingNumber, trackingNumber));

    /// <summary>The right PIN: its guess is given back.</summary>
    public void TrackingSucceeded(string trackingNumber) => throttle.Refund(_trackingNumber, trackingNumber);

    private IEnumerable<(FailureBudget, string)> SignInKeys(string email, IPAddress? address) =>
        [(_accountAtAddress, AccountAt(email, address)), (_account, Account(email)), (_address, Address(address))];

    private int? Minutes(DateTimeOffset? until) =>
        until is { } end ? Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes)) : null;

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
