namespace Feedback.Domain.Auditing;

/// <summary>
/// What the audit log records (PIPL: a processor must be able to show who handled personal data). Stored as
/// text, so values may be added; never renamed (old entries keep their names).
/// </summary>
public enum AuditAction
{
    /// <summary>A case page (or the API's case read) showed the submitter's unmasked contact details.</summary>
    CaseRead,
    /// <summary>The service centre's callback list showed customers' unmasked contact details.</summary>
    CallbackListRead,
    /// <summary>A file left the app: any CSV, a customer's own data, an attachment or evidence photo, a calendar file.</summary>
    Export,
    AccountCreate,
    AccountUpdate,
    /// <summary>Staff roles or department changed.</summary>
    AccountRoles,
    AccountLock,
    AccountUnlock,
    AccountDelete,
    SupervisorAppoint,
    SupervisorReappoint,
    RoutingRuleCreate,
    RoutingRuleUpdate,
    RoutingRuleEnable,
    RoutingRuleDisable,
    RoutingRuleMove,
    RoutingRuleDelete,
    SlaPolicyUpdate,
    CalendarReplace,
    ApiKeyCreate,
    ApiKeyRevoke,
    OrganisationCreate,
    OrganisationUpdate,
}

/// <summary>
/// What a message or a download says about itself for the log: the action, the thing it acted on and a
/// short summary. Never personal data (no names, phones, addresses, free text): ids, codes, tracking numbers.
/// </summary>
public sealed record AuditNote(AuditAction Action, string? TargetId = null, string? Summary = null)
{
    public AuditNote(AuditAction action, Guid targetId, string? summary = null) : this(action, targetId.ToString(), summary) { }
}

/// <summary>
/// One line of the audit log: who (account id and the name shown, the API key if one was used), when, what
/// and from where. Append-only: nothing in the app changes a line; only the retention purge removes old ones.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorNameMaxLength = 120;
    public const int TargetMaxLength = 100;
    public const int SummaryMaxLength = 300;
    public const int AddressMaxLength = 45;
    public const int UserAgentMaxLength = 200;

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, Guid? actorUserId, string? actorName, Guid? apiKeyId, AuditNote note, string? ipAddress, string? userAgent)
    {
        At = at;
        ActorUserId = actorUserId;
        ActorName = Cut(actorName, ActorNameMaxLength) ?? "";
        ApiKeyId = apiKeyId;
        Action = note.Action;
        TargetId = Cut(note.TargetId, TargetMaxLength);
        Summary = Cut(note.Summary, SummaryMaxLength);
        IpAddress = Cut(ipAddress, AddressMaxLength);
        UserAgent = Cut(userAgent, UserAgentMaxLength);
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public Guid? ApiKeyId { get; private set; }
    public AuditAction Action { get; private set; }
    public string? TargetId { get; private set; }
    public string? Summary { get; private set; }
    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    private static string? Cut(string? value, int max) =>
        value is null ? null : value.Length > max ? value[..max] : value;
}
