namespace Feedback.Domain.Cases;

/// <summary>类型. Stored as text so the database stays readable and reorderable.</summary>
public enum CaseKind { Complaint, Suggestion, Report, Praise, SupervisionFinding }

/// <summary>渠道: how the case reached us.</summary>
public enum Channel { Web, Hotline, Email, InPerson, Letter, Api, Open311, SupervisorReview, Forum }

public enum Priority { Low, Normal, High, Urgent }

/// <summary>The states of DESIGN §3. Only <see cref="CaseTransitions"/> moves a case between them.</summary>
public enum CaseStatus { Submitted, Assigned, InProgress, AwaitingInfo, Resolved, Reopened, Closed, Rejected }

/// <summary>What someone does to a case that may change its status.</summary>
public enum CaseAction
{
    Route,
    Reassign,
    ReturnToDispatcher,
    Accept,
    RequestInfo,
    ProvideInfo,
    Resolve,
    ConfirmResolution,
    RejectResolution,
    Resume,
    AutoClose,
    Reject,
}

/// <summary>
/// The capacity in which someone acts on one particular case. A person's roles are global (a user may be
/// Staff and Dispatcher); the handler works out which capacities they hold for this case.
/// </summary>
public enum Actor
{
    /// <summary>The person who filed the case (customer, or the supervisor for a finding).</summary>
    Submitter,
    /// <summary>Staff of the case's department.</summary>
    Staff,
    /// <summary>Head of the case's department.</summary>
    DepartmentHead,
    Dispatcher,
    /// <summary>Background jobs: routing on submission, the 7-day close, the survey.</summary>
    System,
}

/// <summary>Why a dispatcher refuses a case outright.</summary>
public enum RejectionReason { Spam, Invalid, Duplicate, OutOfScope }

public enum CaseEventType
{
    Submitted,
    StatusChanged,
    PublicReply,
    InternalNote,
    AttachmentAdded,
    MarkedDuplicate,
    /// <summary>Staff asked the department head for more time (internal).</summary>
    ExtensionRequested,
    ExtensionApproved,
    ExtensionRefused,
    /// <summary>Escalation ladder: 75 % of the time used, the assignee was warned (internal).</summary>
    DeadlineWarning,
    /// <summary>Escalation ladder: the deadline passed, the department head was told (internal).</summary>
    DeadlineOverdue,
    /// <summary>Escalation ladder: a working day past the deadline, the service centre was told (internal).</summary>
    DeadlineEscalated,
    /// <summary>A rectification measure passed its due date undone; its owner and the head were told (internal).</summary>
    MeasureOverdue,
    /// <summary>The submitter deleted their account: their contact details were erased from the case.</summary>
    ContactErased,
    /// <summary>The retention period after closing ended: the case's personal data was erased or masked.</summary>
    Anonymised,
    /// <summary>The submitter added to their case outside a question (an Open311 client's citizen update).</summary>
    SubmitterMessage,
}
