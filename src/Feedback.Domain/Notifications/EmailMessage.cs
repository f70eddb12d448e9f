using Feedback.Domain.Common;

namespace Feedback.Domain.Notifications;

public enum EmailStatus { Pending, Sent, DeadLetter }

/// <summary>
/// A rendered email waiting to leave. The dispatcher sends it with retries and exponential backoff; after
/// <see cref="MaxAttempts"/> failures it is a dead letter that an admin can see and retry.
/// </summary>
public sealed class EmailMessage
{
    public const int MaxAttempts = 8;

    private EmailMessage() { }

    public EmailMessage(string to, string subject, string htmlBody, string textBody, string template, Guid? caseId, DateTimeOffset now)
    {
        To = to;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        Template = template;
        CaseId = caseId;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    /// <summary>Which template produced it (acknowledgement, public-reply …), for the admin's list.</summary>
    public string Template { get; private set; } = "";
    public Guid? CaseId { get; private set; }
    public EmailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset at) { Status = EmailStatus.Sent; SentAt = at; LastError = null; }

    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts) Status = EmailStatus.DeadLetter;
        else NextAttemptAt = now + Backoff.After(Attempts);
    }

    /// <summary>An admin sends a dead letter (or a failing message) again: it gets a fresh set of attempts, now.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status == EmailStatus.Sent)
            throw new DomainRuleException("Email.AlreadySent");
        Status = EmailStatus.Pending;
        Attempts = 0;
        NextAttemptAt = now;
    }
}
