using Feedback.Domain.Identity;
using Feedback.Web.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Feedback.Web.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>
    /// What the account and admin pages need on top of Program's AddIdentity: the email links, the mailer,
    /// the two-factor requirement for staff (config Security:RequireTwoFactorForStaff, default true) and the
    /// roles/demo-accounts seeder (config Demo:SeedAccounts, Demo:Password, Demo:Accounts).
    /// </summary>
    public static IServiceCollection AddFeedbackIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IAccountLinks, AccountLinks>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<ISeeder, DemoAccountsSeeder>();
        services.AddSingleton(new TwoFactorRequirement(configuration.GetValue("Security:RequireTwoFactorForStaff", true)));
        services.Configure<MvcOptions>(options => options.Filters.Add<TwoFactorRequirementFilter>());
        // The user name is the email address, already checked by the forms; Identity's default character
        // list would refuse addresses with non-ASCII letters, and only after the account lookup.
        services.Configure<IdentityOptions>(options => options.User.AllowedUserNameCharacters = "");
        // Invitations go to people who may not read their mail the same day.
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));
        return services;
    }
}
