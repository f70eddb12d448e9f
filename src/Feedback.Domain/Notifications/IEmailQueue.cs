namespace Feedback.Domain.Notifications;

/// <summary>
/// Queues an email: renders the template <c>content/emails/{culture}/{template}.md</c> with the values and
/// adds an <see cref="EmailMessage"/> to the current DbContext. It is saved with the caller's unit of work
/// (a command) or by the caller's own SaveChanges — so the email leaves only if the change was stored.
/// Link values (<c>Link</c>, <c>…Url</c>) may be site-relative ("/Public/Track"): the queue makes them
/// absolute with the configured public base URL. Values are plain text; the queue escapes them for HTML.
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
    /// <summary>Name, Link, Affiliation, TermStartsOn, TermEndsOn — an admin appointed a service supervisor.</summary>
    public const string SupervisorInvitation = "supervisor-invitation";
    /// <summary>TrackingNumber, Subject, Reply, TrackUrl, Name.</summary>
    public const string PublicReply = "public-reply";
    /// <summary>TrackingNumber, Subject, Question, TrackUrl, Name.</summary>
    public const string InformationRequested = "information-requested";
    /// <summary>TrackingNumber, Subject, Resolution, TrackUrl, Name.</summary>
    public const string Resolution = "resolution";
    /// <summary>TrackingNumber, Subject, TrackUrl, Name — to the submitter of a duplicate: the case it was merged into is resolved.</summary>
    public const string DuplicateResolved = "duplicate-resolved";
    /// <summary>Name, TrackingNumber, Subject, Department, ResolveBy, CaseUrl — to staff: 75 % of the time is used.</summary>
    public const string DeadlineWarning = "deadline-warning";
    /// <summary>Name, TrackingNumber, Subject, Department, ResolveBy, CaseUrl — to the department head: the case is overdue.</summary>
    public const string DeadlineOverdue = "deadline-overdue";
    /// <summary>Name, TrackingNumber, Subject, Department, ResolveBy, CaseUrl — to dispatchers: a working day past the deadline.</summary>
    public const string DeadlineEscalated = "deadline-escalated";
    /// <summary>Name, TrackingNumber, Subject, SurveyUrl, ClosesAt, TrackUrl — the satisfaction survey after a resolution.</summary>
    public const string SurveyInvitation = "survey-invitation";
    /// <summary>Name, TrackingNumber, Subject, SurveyUrl, ClosesAt, TrackUrl — the survey's one reminder.</summary>
    public const string SurveyReminder = "survey-reminder";
    /// <summary>Name, TrackingNumber, Subject, Department, Score, Resolved, Comment, CaseUrl — to the department head: an unhappy answer.</summary>
    public const string SurveyCallback = "survey-callback";

    /// <summary>Name, TrackingNumber, Subject, Measure, DueOn, CaseUrl — to a measure's owner and the department head: it is overdue.</summary>
    public const string MeasureOverdue = "measure-overdue";
    /// <summary>TrackingNumber, Subject, Decision, Reason, TrackUrl, Name — to the submitter of a suggestion.</summary>
    public const string SuggestionDecision = "suggestion-decision";

    /// <summary>Name, TrackingNumber, Subject, Message, CaseUrl — to the assignee (else the department's heads): the submitter wrote to the case.</summary>
    public const string CustomerMessage = "customer-message";

    /// <summary>Name, TrackingNumber, Title, Drafter, InboxUrl, CaseUrl — to the department head(s): a public notice waits for approval.</summary>
    public const string OutcomeApprovalRequested = "outcome-approval-requested";
    /// <summary>Name, TrackingNumber, Title, Head, Reason, CaseUrl — to the notice's writers: the head sent it back.</summary>
    public const string OutcomeReturned = "outcome-returned";
    /// <summary>Name, TrackingNumber, Title, Head, OutcomeUrl, CaseUrl — to the notice's writers: it is public now.</summary>
    public const string OutcomeApproved = "outcome-approved";

    private static readonly IReadOnlySet<string> DeadlineValues =
        new HashSet<string> { "Name", "TrackingNumber", "Subject", "Department", "ResolveBy", "CaseUrl" };

    /// <summary>
    /// The values each template may use. A template that names any other placeholder fails the start-up
    /// check; queueing a value a template does not declare is a programming error.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Values = new Dictionary<string, IReadOnlySet<string>>
    {
        [Acknowledgement] = new HashSet<string> { "TrackingNumber", "AccessPin", "Subject", "ContactBy", "ResolveBy", "TrackUrl", "Name" },
        [AccountConfirmation] = new HashSet<string> { "Name", "Link" },
        [PasswordReset] = new HashSet<string> { "Name", "Link" },
        [StaffInvitation] = new HashSet<string> { "Name", "Link", "Roles" },
        [SupervisorInvitation] = new HashSet<string> { "Name", "Link", "Affiliation", "TermStartsOn", "TermEndsOn" },
        [PublicReply] = new HashSet<string> { "TrackingNumber", "Subject", "Reply", "TrackUrl", "Name" },
        [InformationRequested] = new HashSet<string> { "TrackingNumber", "Subject", "Question", "TrackUrl", "Name" },
        [Resolution] = new HashSet<string> { "TrackingNumber", "Subject", "Resolution", "TrackUrl", "Name" },
        [DuplicateResolved] = new HashSet<string> { "TrackingNumber", "Subject", "TrackUrl", "Name" },
        [DeadlineWarning] = DeadlineValues,
        [DeadlineOverdue] = DeadlineValues,
        [DeadlineEscalated] = DeadlineValues,
        [MeasureOverdue] = new HashSet<string> { "Name", "TrackingNumber", "Subject", "Measure", "DueOn", "CaseUrl" },
        [CustomerMessage] = new HashSet<string> { "Name", "TrackingNumber", "Subject", "Message", "CaseUrl" },
        [OutcomeApprovalRequested] = new HashSet<string> { "Name", "TrackingNumber", "Title", "Drafter", "InboxUrl", "CaseUrl" },
        [OutcomeReturned] = new HashSet<string> { "Name", "TrackingNumber", "Title", "Head", "Reason", "CaseUrl" },
        [OutcomeApproved] = new HashSet<string> { "Name", "TrackingNumber", "Title", "Head", "OutcomeUrl", "CaseUrl" },
        [SuggestionDecision] = new HashSet<string> { "TrackingNumber", "Subject", "Decision", "Reason", "TrackUrl", "Name" },
        [SurveyInvitation] = new HashSet<string> { "Name", "TrackingNumber", "Subject", "SurveyUrl", "ClosesAt", "TrackUrl" },
        [SurveyReminder] = new HashSet<string> { "Name", "TrackingNumber", "Subject", "SurveyUrl", "ClosesAt", "TrackUrl" },
        [SurveyCallback] = new HashSet<string> { "Name", "TrackingNumber", "Subject", "Department", "Score", "Resolved", "Comment", "CaseUrl" },
    };
}
