using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Common.Privacy;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Queries;

/// <summary>
/// The whole case as those who handle it see it: the full timeline (internal notes too), attachments,
/// deadlines, contact details (masked unless this viewer may see them), and what they may do now.
/// Staff of another department do not find it (404).
/// </summary>
public sealed record GetStaffCase(Guid CaseId) : IQuery<StaffCaseView>, IAuthorizedMessage, IAudited<StaffCaseView>
{
    public bool IsAuthorizedFor(ICurrentUser user) =>
        CaseAccess.WorksCases(user);

    /// <summary>Recorded when this viewer saw the submitter's contact details unmasked (pages and the API alike).</summary>
    public AuditNote? Audit(StaffCaseView view) =>
        view.Contact.ShowsPersonalData ? new(AuditAction.CaseRead, view.TrackingNumber, view.Id.ToString()) : null;
}

public sealed record StaffCaseView
{
    public required Guid Id { get; init; }
    public required string TrackingNumber { get; init; }
    public required CaseStatus Status { get; init; }
    public required CaseKind Kind { get; init; }
    public required Channel Channel { get; init; }
    public required Priority Priority { get; init; }
    public required LocalName Category { get; init; }
    public required LocalName Area { get; init; }
    public Guid? DepartmentId { get; init; }
    public LocalName? Department { get; init; }
    public LocalName? AccusedDepartment { get; init; }
    public Guid? AccusedDepartmentId { get; init; }
    public string? AssigneeName { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    public required bool IsAnonymous { get; init; }
    public required StaffCaseContact Contact { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ContactBy { get; init; }
    public DateTimeOffset? ResolveBy { get; init; }
    public DateTimeOffset? FirstContactedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ResolutionSummary { get; init; }
    public RejectionReason? RejectionReason { get; init; }
    /// <summary>For a duplicate: the case handled in its place.</summary>
    public StaffCaseLink? Master { get; init; }
    /// <summary>Cases rejected as duplicates of this one.</summary>
    public required IReadOnlyList<StaffCaseLink> Duplicates { get; init; }
    public required IReadOnlyList<StaffCaseAttachment> Attachments { get; init; }
    /// <summary>Where the problem is, as an Open311 client reported it (null for other channels).</summary>
    public StaffCaseLocation? ReportedLocation { get; init; }
    /// <summary>Oldest first; internal entries included (see <see cref="StaffCaseEvent.IsPublic"/>).</summary>
    public required IReadOnlyList<StaffCaseEvent> Timeline { get; init; }

    /// <summary>The status changes this viewer may make now (from the lifecycle table).</summary>
    public required IReadOnlyList<CaseAction> Actions { get; init; }
    public required bool MayReply { get; init; }
    public required bool MayAddNote { get; init; }
    /// <summary>Where this viewer may reassign the case to (empty when they may not reassign).</summary>
    public required IReadOnlyList<DepartmentOption> ReassignTargets { get; init; }
    /// <summary>Where the dispatcher may route it (empty unless it waits in triage and they may route).</summary>
    public required IReadOnlyList<DepartmentOption> RouteTargets { get; init; }

    public bool May(CaseAction action) => Actions.Contains(action);
}

/// <param name="IsMasked">True when this viewer sees the masked form (DESIGN §6).</param>
public sealed record StaffCaseContact(string? Name, string? Phone, string? Email, string? Address, string? CustomerNumber, bool IsMasked)
{
    public bool ShowsPersonalData => !IsMasked && (Name ?? Phone ?? Email ?? Address ?? CustomerNumber) is not null;
}

public sealed record StaffCaseLink(Guid Id, string TrackingNumber);

/// <summary>An Open311 request's location and picture: coordinates, the client's address text and id, and its media_url.</summary>
public sealed record StaffCaseLocation(double? Latitude, double? Longitude, string? AddressString, string? AddressId, string? MediaUrl);

public sealed record StaffCaseAttachment(Guid Id, string FileName, string ContentType, long SizeBytes, DateTimeOffset UploadedAt);

/// <param name="RoutedByRule">For routing by the rules at filing: the rule's name in both languages, when the rule
/// that the timeline names (by its name then) still exists; the page then shows it in the reader's language.</param>
public sealed record StaffCaseEvent(
    DateTimeOffset At, CaseEventType Type, CaseAction? Action, CaseStatus? FromStatus, CaseStatus? ToStatus,
    string ActorName, Actor ActorCapacity, bool IsPublic, string? Text, LocalName? RoutedByRule = null);

/// <summary>A department and the people in it a case may be given to.</summary>
public sealed record DepartmentOption(Guid Id, LocalName Name, IReadOnlyList<CaseWorker> Workers);

public sealed class GetStaffCaseHandler(FeedbackDbContext db, OrganisationCache organisation, ICurrentUser user)
    : IQueryHandler<GetStaffCase, StaffCaseView>
{
    public async ValueTask<StaffCaseView> Handle(GetStaffCase query, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking()
            .Include(c => c.Events)
            .Include(c => c.Attachments)
            .FirstOrDefaultAsync(c => c.Id == query.CaseId, cancellationToken)
            ?? throw new NotFoundException();
        // Only a staff capacity opens the staff view: a staff member who filed a case elsewhere follows it
        // as its submitter (customer pages), never with the handlers' internal notes.
        var seen = CaseAccess.For(user, @case);
        var viewer = seen with { Capacities = seen.Capacities.Where(CaseAccess.StaffViewCapacities.Contains).ToHashSet() };
        if (!viewer.CanSee)
            throw new NotFoundException();

        var org = await organisation.GetAsync(cancellationToken);
        var maySeeContact = CaseAccess.MaySeeContact(viewer, @case.Kind, @case.DepartmentId is { } d && d == org.IntegrityOfficeId);
        var actions = @case.AvailableActions(viewer);
        var reassignTo = actions.Contains(CaseAction.Reassign) ? ReassignDepartments(@case, viewer, org) : [];
        var routeTo = actions.Contains(CaseAction.Route) ? EligibleDepartments(@case, org) : [];
        var workers = await CaseWorkers.InAsync(db, reassignTo.Select(x => x.Id).ToList(), cancellationToken);

        var links = await db.Cases.AsNoTracking()
            .Where(c => c.Id == @case.MasterCaseId || c.MasterCaseId == @case.Id)
            .OrderBy(c => c.SubmittedAt)
            .Select(c => new { c.Id, c.TrackingNumber, c.MasterCaseId })
            .ToListAsync(cancellationToken);
        // The address an Open311 client sent is where the fault is, but may be someone's home: masked as the contact is.
        var location = @case.Channel != Channel.Open311 ? null : await db.Open311Details.AsNoTracking()
            .Where(o => o.CaseId == @case.Id)
            .Select(o => new StaffCaseLocation(o.Latitude, o.Longitude, o.AddressString, o.AddressId, o.MediaUrl))
            .FirstOrDefaultAsync(cancellationToken);
        if (location is not null && !maySeeContact)
            location = location with { AddressString = PersonalDataMasker.MaskAddress(location.AddressString) };
        var assigneeName = @case.AssigneeId is { } assignee
            ? await db.Users.Where(u => u.Id == assignee).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new StaffCaseView
        {
            Id = @case.Id,
            TrackingNumber = @case.TrackingNumber,
            Status = @case.Status,
            Kind = @case.Kind,
            Channel = @case.Channel,
            Priority = @case.Priority,
            Category = LocalName.Of(org.Category(@case.CategoryId)) ?? new("", ""),
            Area = LocalName.Of(org.Area(@case.ServiceAreaId)) ?? new("", ""),
            DepartmentId = @case.DepartmentId,
            Department = LocalName.Of(org.Department(@case.DepartmentId)),
            AccusedDepartmentId = @case.AccusedDepartmentId,
            AccusedDepartment = LocalName.Of(org.Department(@case.AccusedDepartmentId)),
            AssigneeName = assigneeName,
            Subject = @case.Subject,
            Description = @case.Description,
            IsAnonymous = @case.IsAnonymous,
            Contact = ContactFor(@case.Contact, maySeeContact),
            SubmittedAt = @case.SubmittedAt,
            ContactBy = @case.ContactBy,
            ResolveBy = @case.ResolveBy,
            FirstContactedAt = @case.FirstContactedAt,
            // A reopened case is not resolved: the earlier answer's time stays in the timeline, not in the facts.
            ResolvedAt = @case.Status is CaseStatus.Resolved or CaseStatus.Closed ? @case.ResolvedAt : null,
            ClosedAt = @case.ClosedAt,
            ResolutionSummary = @case.ResolutionSummary,
            RejectionReason = @case.RejectionReason,
            Master = links.Where(c => c.Id == @case.MasterCaseId).Select(c => new StaffCaseLink(c.Id, c.TrackingNumber)).FirstOrDefault(),
            Duplicates = links.Where(c => c.MasterCaseId == @case.Id).Select(c => new StaffCaseLink(c.Id, c.TrackingNumber)).ToList(),
            ReportedLocation = location,
            Attachments = @case.Attachments.OrderBy(a => a.UploadedAt)
                .Select(a => new StaffCaseAttachment(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt)).ToList(),
            Timeline = @case.Events
                .OrderBy(e => e.At).ThenBy(e => e.Type == CaseEventType.Submitted ? 0 : 1)
                .Select(e => new StaffCaseEvent(e.At, e.Type, e.Action, e.FromStatus, e.ToStatus,
                    // The submitter's name is their identity too: masked wherever their contact details are.
                    e.ActorCapacity == Actor.Submitter && !maySeeContact ? PersonalDataMasker.MaskName(e.ActorName) ?? "" : e.ActorName,
                    e.ActorCapacity, e.IsPublic, e.Text, RuleNamed(e, org)))
                .ToList(),
            Actions = actions,
            MayReply = @case.IsOpen && (viewer.IsHandler || viewer.Is(Actor.Dispatcher)),
            MayAddNote = viewer.IsHandler || viewer.Is(Actor.Dispatcher),
            ReassignTargets = reassignTo.Select(d => new DepartmentOption(d.Id, LocalName.Of(d)!, workers.Where(w => w.DepartmentId == d.Id).ToList())).ToList(),
            RouteTargets = routeTo.Select(d => new DepartmentOption(d.Id, LocalName.Of(d)!, [])).ToList(),
        };
    }

    /// <summary>
    /// Filing records the rule that routed a case by its (Chinese) name: the rule list gives the English one.
    /// </summary>
    private static LocalName? RuleNamed(CaseEvent e, OrganisationSnapshot org) =>
        e is { Action: CaseAction.Route, ActorCapacity: Actor.System, Text: { Length: > 0 } text }
        && org.Rules.FirstOrDefault(r => r.Name == text) is { } rule
            ? new LocalName(rule.Name, rule.NameIn("en"))
            : null;

    /// <summary>A department head keeps the case in their department; the service centre may send it anywhere it may go.</summary>
    private static IReadOnlyList<Department> ReassignDepartments(Case @case, CaseParticipant viewer, OrganisationSnapshot org) =>
        EligibleDepartments(@case, org).Where(d => viewer.Is(Actor.Dispatcher) || d.Id == @case.DepartmentId).ToList();

    /// <summary>Active departments that may hold the case (a misconduct report: the Integrity office alone).</summary>
    internal static IReadOnlyList<Department> EligibleDepartments(Case @case, OrganisationSnapshot org) =>
        org.ActiveDepartments.Where(d => CaseCustody.MayHold(d, @case.Kind, @case.AccusedDepartmentId)).ToList();

    private static StaffCaseContact ContactFor(ContactDetails contact, bool maySee) => maySee
        ? new(contact.Name, contact.Phone, contact.Email, contact.Address, contact.CustomerNumber, IsMasked: false)
        : new(PersonalDataMasker.MaskName(contact.Name), PersonalDataMasker.MaskPhone(contact.Phone), PersonalDataMasker.MaskEmail(contact.Email),
            PersonalDataMasker.MaskAddress(contact.Address), PersonalDataMasker.MaskAccountNumber(contact.CustomerNumber), IsMasked: true);
}
