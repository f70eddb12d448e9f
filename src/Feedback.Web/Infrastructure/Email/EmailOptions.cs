using Feedback.Domain.Common;
using Feedback.Web.Infrastructure.Web;
using MailKit.Security;

namespace Feedback.Web.Infrastructure.Email;

/// <summary>
/// Settings for outgoing mail (section <c>Email</c>) and the public base URL for links in it
/// (<c>Feedback:PublicBaseUrl</c>). Read once; anything unusable stops the app at start-up with every
/// problem named, rather than failing on the first email hours later.
/// </summary>
public sealed class EmailOptions
{
    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    public required string From { get; init; }
    public required string FromName { get; init; }
    /// <summary>Empty: no SMTP server; messages are written as .eml files to <see cref="PickupPath"/>.</summary>
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; }
    public bool UseTls { get; init; }
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public TimeSpan SmtpTimeout { get; init; }
    public required Uri PublicBaseUrl { get; init; }
    public required string TemplatePath { get; init; }
    public required string PickupPath { get; init; }
    /// <summary>Tests switch the loops off and drive <c>RunOnceAsync</c> themselves.</summary>
    public bool BackgroundEnabled { get; init; }
    public TimeSpan OutboxPollInterval { get; init; }
    public TimeSpan DispatchPollInterval { get; init; }
    public int BatchSize { get; init; }
    /// <summary>Processed outbox rows (which may hold a submitter's PIN) are deleted after this long.</summary>
    public TimeSpan OutboxRetention { get; init; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    /// <summary>Port 465 speaks TLS from the first byte; other ports upgrade with STARTTLS when offered.</summary>
    public SecureSocketOptions SocketOptions =>
        !UseTls ? SecureSocketOptions.None : SmtpPort == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;

    public static EmailOptions FromConfiguration(IConfiguration configuration, FeedbackPaths paths) =>
        FromConfiguration(configuration, paths.EmailsPath, paths.MailPickupPath);

    public static EmailOptions FromConfiguration(IConfiguration configuration, string defaultTemplatePath, string pickupPath)
    {
        var section = configuration.GetSection("Email");
        var smtp = section.GetSection("Smtp");
        var errors = new List<string>();

        var from = section["From"]?.Trim() ?? "";
        if (!ContactRules.IsEmail(from))
            errors.Add($"Email:From must be an email address (was '{from}').");
        var baseUrl = configuration["Feedback:PublicBaseUrl"] is { Length: > 0 } configured ? configured.Trim() : DefaultPublicBaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var publicBaseUrl) || publicBaseUrl.Scheme is not ("http" or "https"))
            errors.Add($"Feedback:PublicBaseUrl must be an absolute http(s) URL (was '{baseUrl}').");

        var options = new EmailOptions
        {
            From = from,
            FromName = section["FromName"]?.Trim() ?? "",
            SmtpHost = smtp["Host"]?.Trim(),
            SmtpPort = Integer(smtp, "Port", 587, 1, 65535, errors),
            UseTls = Boolean(smtp, "UseTls", true, errors),
            UserName = smtp["UserName"],
            Password = smtp["Password"],
            SmtpTimeout = TimeSpan.FromSeconds(Integer(smtp, "TimeoutSeconds", 30, 1, 600, errors)),
            PublicBaseUrl = publicBaseUrl ?? new Uri(DefaultPublicBaseUrl),
            TemplatePath = Path.GetFullPath(section["TemplatePath"] is { Length: > 0 } templates ? templates : defaultTemplatePath),
            PickupPath = pickupPath,
            BackgroundEnabled = Boolean(section, "BackgroundEnabled", true, errors),
            OutboxPollInterval = TimeSpan.FromSeconds(Number(section, "OutboxPollSeconds", 2, errors)),
            DispatchPollInterval = TimeSpan.FromSeconds(Number(section, "DispatchPollSeconds", 10, errors)),
            BatchSize = Integer(section, "BatchSize", 50, 1, 1000, errors),
            OutboxRetention = TimeSpan.FromDays(Integer(section, "OutboxRetentionDays", 7, 0, 3650, errors)),
        };
        if (errors.Count > 0)
            throw new InvalidOperationException("The email configuration is invalid:" + string.Concat(errors.Select(e => Environment.NewLine + " - " + e)));
        return options;
    }

    private static int Integer(IConfigurationSection section, string key, int fallback, int min, int max, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add($"{section.Path}:{key} must be a whole number from {min} to {max} (was '{text}').");
        return fallback;
    }

    private static double Number(IConfigurationSection section, string key, double fallback, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 3600)
            return value;
        errors.Add($"{section.Path}:{key} must be a number of seconds above 0 and at most 3600 (was '{text}').");
        return fallback;
    }

    private static bool Boolean(IConfigurationSection section, string key, bool fallback, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (bool.TryParse(text.Trim(), out var value)) return value;
        errors.Add($"{section.Path}:{key} must be true or false (was '{text}').");
        return fallback;
    }
}
