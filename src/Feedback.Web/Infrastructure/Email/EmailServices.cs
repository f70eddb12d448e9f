using Feedback.Domain.Data;
using Feedback.Domain.Notifications;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Outbox;
using Feedback.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Email;

public static class EmailServices
{
    /// <summary>
    /// Email that really leaves: the outbox processor (domain events → handlers → queued emails), the email
    /// queue (templates under content/emails) and the dispatcher (SMTP, or .eml files in data/mail).
    /// Configuration and templates are checked when the app starts. Call after ICurrentUser is registered.
    /// </summary>
    public static IServiceCollection AddFeedbackEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSystemScopes();
        services.AddSingleton(provider => EmailOptions.FromConfiguration(configuration, provider.GetRequiredService<FeedbackPaths>()));
        services.AddSingleton(provider => EmailTemplateLibrary.Load(provider.GetRequiredService<EmailOptions>().TemplatePath, provider.GetRequiredService<StringCatalog>()));
        services.AddScoped<IEmailQueue, TemplateEmailQueue>();

        services.AddSingleton<WorkSignals>();
        services.AddSingleton<WorkSignalInterceptor>();
        services.ConfigureDbContext<FeedbackDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<WorkSignalInterceptor>()));

        // First, so that bad settings or templates stop the app before anything else starts.
        services.AddHostedService<EmailStartupCheck>();
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxProcessor>());
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<EmailDispatcher>());
        return services;
    }
}

/// <summary>Reads the email settings and loads every template at start-up; either failing stops the app with the reason.</summary>
public sealed class EmailStartupCheck(IServiceProvider services, ILogger<EmailStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<EmailOptions>();
        services.GetRequiredService<EmailTemplateLibrary>();
        if (options.UsesSmtp)
            logger.LogInformation("Email is sent through {Host}:{Port}", options.SmtpHost, options.SmtpPort);
        else
            logger.LogInformation("No SMTP host configured: emails are written to {PickupPath}", options.PickupPath);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
