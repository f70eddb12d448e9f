using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Domain.Notifications;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Account;

/// <summary>
/// The app for the account and admin tests. Until the email helper's IEmailQueue is in the app, a stand-in
/// that stores the message like the real one (added to the context, kept only if the caller saves) is used.
/// </summary>
public sealed partial class AccountApp(IDictionary<string, string?>? settings = null) : FeedbackApp(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (!services.Any(d => d.ServiceType == typeof(IEmailQueue)))
                services.AddScoped<IEmailQueue, StoringEmailQueue>();
        });
    }

    /// <summary>The emails queued to an address with a template, oldest first.</summary>
    public Task<List<EmailMessage>> EmailsAsync(string to, string? template = null) =>
        DbAsync(db => db.EmailMessages.Where(m => m.To == to && (template == null || m.Template == template)).OrderBy(m => m.CreatedAt).ToListAsync());

    /// <summary>The path and query of the link in the newest email of that template to that address.</summary>
    public async Task<string> LinkInLatestEmailAsync(string to, string template)
    {
        var email = (await EmailsAsync(to, template)).LastOrDefault() ?? throw new InvalidOperationException($"No {template} email to {to}");
        var match = LinkPattern().Match(WebUtility.HtmlDecode(email.TextBody + " " + email.HtmlBody));
        Assert.True(match.Success, $"No link in the {template} email");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://[^\s""'<>()\[\]]+/Account/[A-Za-z]+\?[^\s""'<>()\[\]]+")]
    private static partial Regex LinkPattern();

    /// <summary>An account straight in the database (confirmed unless told otherwise), for tests that need a fresh one.</summary>
    public Task<User> CreateUserAsync(string email, string password, bool confirmed = true, params string[] roles) =>
        AsUserAsync(null, async provider =>
        {
            var users = provider.GetRequiredService<UserManager<User>>();
            var user = new User { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = email.Split('@')[0], LockoutEnabled = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            if (roles.Length > 0) Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
            return user;
        });

    public static string NewEmail(string prefix = "user") => $"{prefix}.{Guid.NewGuid():N}@example.com";

    private sealed class StoringEmailQueue(FeedbackDbContext db, TimeProvider clock) : IEmailQueue
    {
        public ValueTask QueueAsync(string to, string template, string culture, IReadOnlyDictionary<string, string> values,
            Guid? caseId = null, CancellationToken cancellationToken = default)
        {
            var text = string.Join("\n", values.Select(v => $"{v.Key}: {v.Value}"));
            db.EmailMessages.Add(new EmailMessage(to, template, $"<pre>{WebUtility.HtmlEncode(text)}</pre>", text, template, caseId, clock.GetUtcNow()));
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>One <see cref="AccountApp"/> shared by the tests of a class.</summary>
public sealed class AccountAppFixture : IDisposable
{
    public AccountApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
