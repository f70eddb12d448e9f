using System.Net;
using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Data;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Feedback.Web.Infrastructure.Security;

/// <summary>
/// Sign-in and session hardening (ADR 0018): failure budgets instead of account lockout, one-use
/// authenticator codes, two-factor secrets stored hashed/encrypted, the session checked against the security
/// stamp every Security:SessionCheckSeconds (default 60; signing out renews the stamp), and forwarded headers
/// honoured only from the proxies in ForwardedHeaders:KnownProxies / KnownNetworks.
/// </summary>
public static class AccountSecurity
{
    public static IServiceCollection AddFeedbackAccountSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FailureThrottle>();
        services.AddSingleton<GuessingLimits>();

        services.AddSingleton<SecretProtection>();
        services.Replace(ServiceDescriptor.Scoped<IUserStore<User>, ProtectedSecretsUserStore>());
        services.AddScoped<ISeeder, TwoFactorSecretsMigration>();

        services.AddTransient<OneTimeCodeProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[OneTimeCodeProvider.Name] = new TokenProviderDescriptor(typeof(OneTimeCodeProvider));
            options.Tokens.AuthenticatorTokenProvider = OneTimeCodeProvider.Name;
        });

        // Signing out, locking an account or changing its roles renews the security stamp; every session
        // checks its stamp this often, so a copied cookie stops working within that time.
        var sessionCheck = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Security:SessionCheckSeconds", 60)));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = sessionCheck);

        services.Configure<ForwardedHeadersOptions>(options => ConfigureProxies(options, configuration.GetSection("ForwardedHeaders")));
        // A cookie is Secure whenever the request came over HTTPS (at the proxy, once its header is trusted).
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddTransient<IStartupFilter, ProxyAwareStartupFilter>();
        return services;
    }

    /// <summary>
    /// X-Forwarded-For and -Proto are believed only from the configured proxies: anyone else could claim any
    /// address (and so a fresh rate-limit budget) or HTTPS. With none configured, they are ignored.
    /// </summary>
    internal static void ConfigureProxies(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        // Each hop is checked against the list before the next is believed, so a chain of configured proxies
        // is walked back to the first address that is not one of them.
        options.ForwardLimit = null;
        foreach (var proxy in Values(section.GetSection("KnownProxies")))
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
        foreach (var network in Values(section.GetSection("KnownNetworks")))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
    }

    /// <summary>A list either as array entries (KnownProxies:0, KnownProxies:1) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct();

    /// <summary>First in the pipeline, before anything reads the client's address or scheme (rate limits, HSTS, cookies).</summary>
    private sealed class ProxyAwareStartupFilter(IOptions<ForwardedHeadersOptions> proxies) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // With both lists empty the middleware would believe every sender: leave it out instead.
            if (proxies.Value.KnownProxies.Count > 0 || proxies.Value.KnownIPNetworks.Count > 0)
                app.UseForwardedHeaders();
            app.UseCookiePolicy();
            next(app);
        };
    }
}
