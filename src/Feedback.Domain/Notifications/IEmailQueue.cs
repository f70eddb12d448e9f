namespace Feedback.Domain.Notifications;

/// <summary>
/// Queues an email: renders the template <c>content/emails/{culture}/{template}.md</c> with the values and
/// adds an <see cref="EmailMessage"/> to the current DbContext. It is saved with the caller's unit of work
/// (a command) or by the caller's own SaveChanges — so the email leaves only if the change was stored.
/// </summary>
public interface IEmailQueue
{
    ValueTask QueueAsync(string to, string template, string culture, IReadOnlyDictionary<string, string> values,
        Guid? caseId = null, CancellationToken cancellationToken = default);
}

/// <summary>The templates under content/emails/{zh-CN,en}/ (file name without .md) and the values each one uses.</summary>
public static class EmailTemplates
{
    /// <summary>TrackingNumber, AccessPin, Subject, ContactBy, ResolveBy, TrackUrl, Name.</summary>
    public const string Acknowledgement = "acknowledgement";
    /// <summary>Name, Link.</summary>
    public const string AccountConfirmation = "account-confirmation";
    /// <summary>Name, Link.</summary>
    public const string PasswordReset = "password-reset";
    /// <summary>Name, Link, Roles — an admin created an account for a member of staff.</summary>
    public const string StaffInvitation = "staff-invitation";
    /// <summary>TrackingNumber, Subject, Reply, TrackUrl, Name.</summary>
    public const string PublicReply = "public-reply";
    /// <summary>TrackingNumber, Subject, Question, TrackUrl, Name.</summary>
    public const string InformationRequested = "information-requested";
    /// <summary>TrackingNumber, Subject, Resolution, TrackUrl, Name.</summary>
    public const string Resolution = "resolution";
}
