using Feedback.Domain.Data;
using Feedback.Domain.Notifications;

namespace Feedback.Web.Infrastructure.Email;

/// <summary>
/// Renders the template now and adds the email to the scope's DbContext, so it is stored by the same
/// SaveChanges as the change it reports (the command's unit of work, or the outbox processor's).
/// </summary>
public sealed class TemplateEmailQueue(FeedbackDbContext db, EmailTemplateLibrary templates, EmailOptions options, TimeProvider clock) : IEmailQueue
{
    public ValueTask QueueAsync(string to, string template, string culture, IReadOnlyDictionary<string, string> values,
        Guid? caseId = null, CancellationToken cancellationToken = default)
    {
        var rendered = templates.Render(template, culture, AbsoluteLinks(values));
        db.EmailMessages.Add(new EmailMessage(to.Trim(), rendered.Subject, rendered.HtmlBody, rendered.TextBody, template, caseId, clock.GetUtcNow()));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Site-relative links become absolute on the public base URL (which may have a path, for a site behind a
    /// reverse proxy); a link must end up http(s).
    /// </summary>
    private Dictionary<string, string> AbsoluteLinks(IReadOnlyDictionary<string, string> values)
    {
        var result = new Dictionary<string, string>(values);
        foreach (var (key, value) in values)
        {
            if (key != "Link" && !key.EndsWith("Url", StringComparison.Ordinal))
                continue;
            // Kept as written (no Uri round trip), so tokens in the query reach the reader byte for byte.
            var link = value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal)
                ? options.PublicBaseUrl.AbsoluteUri.TrimEnd('/') + value
                : value;
            if (!Uri.TryCreate(link, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                throw new ArgumentException($"The email value '{key}' must be a site path or an http(s) URL.", nameof(values));
            result[key] = link;
        }
        return result;
    }
}
