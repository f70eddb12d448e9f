using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Domain.Routing;
using Feedback.Domain.Sla;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// File a case: from the public form (channel Web, signed in or not) or by a dispatcher for a caller
/// (Hotline, InPerson, Letter, Email). Routes it at once, sets its deadlines and queues the acknowledgement.
/// </summary>
public sealed record SubmitCase(
    CaseKind Kind,
    Channel Channel,
    Guid CategoryId,
    Guid ServiceAreaId,
    string Subject,
    string Description,
    bool IsAnonymous,
    string? ContactName,
    string? ContactPhone,
    string? ContactEmail,
    string? ContactAddress,
    string? CustomerNumber,
    string Culture,
    IReadOnlyList<UploadedFile> Attachments,
    Guid? AccusedDepartmentId = null,
    Guid? ServicePointId = null,
    string? SubmissionKey = null) : ICommand<CaseReceipt>, IAuthorizedMessage, IValidate, IIdempotentCommand
{
    /// <summary>Channels by which a dispatcher records what reached the service centre.</summary>
    public static readonly IReadOnlySet<Channel> DispatcherChannels = new HashSet<Channel> { Channel.Hotline, Channel.InPerson, Channel.Letter, Channel.Email };

    /// <summary>Kinds the public may file (findings come only from supervisors' reviews).</summary>
    public static readonly IReadOnlyList<CaseKind> PublicKinds = [CaseKind.Complaint, CaseKind.Suggestion, CaseKind.Report, CaseKind.Praise];

    /// <summary>
    /// Web: anyone. Dispatcher channels: the service centre. Open311: any client with a key. Api: the hotline
    /// system, whose key acts as a dispatcher (it files for callers as they do).
    /// </summary>
    public bool IsAuthorizedFor(ICurrentUser user) =>
        Channel == Channel.Web
        || (DispatcherChannels.Contains(Channel) && user.IsInRole(Roles.Dispatcher))
        || (Channel == Channel.Open311 && user.IsInRole(Roles.ApiClient))
        || (Channel == Channel.Api && user.IsInRole(Roles.ApiClient) && user.IsInRole(Roles.Dispatcher));

    public IEnumerable<ValidationError> Validate()
    {
        if (!PublicKinds.Contains(Kind)) yield return new(nameof(Kind), "Validation.Invalid");
        foreach (var e in Check.NotEmpty(CategoryId, nameof(CategoryId))) yield return e;
        foreach (var e in Check.NotEmpty(ServiceAreaId, nameof(ServiceAreaId))) yield return e;
        foreach (var e in Check.Required(Subject, nameof(Subject), Case.SubjectMaxLength)) yield return e;
        foreach (var e in Check.Required(Description, nameof(Description), Case.DescriptionMaxLength)) yield return e;
        foreach (var e in Check.Optional(ContactName, nameof(ContactName), 100)) yield return e;
        foreach (var e in Check.Optional(ContactAddress, nameof(ContactAddress), 300)) yield return e;
        foreach (var e in Check.Optional(CustomerNumber, nameof(CustomerNumber), 40)) yield return e;
        // The phone rule counts digits, not separators: without a length cap a padded number would not fit its column.
        foreach (var e in Check.Optional(ContactPhone, nameof(ContactPhone), 40)) yield return e;

        if (!IsAnonymous)
        {
            if (string.IsNullOrWhiteSpace(ContactName)) yield return new(nameof(ContactName), "Validation.Required");
            if (string.IsNullOrWhiteSpace(ContactPhone) && string.IsNullOrWhiteSpace(ContactEmail))
                yield return new(nameof(ContactPhone), "Case.ContactNeeded");
        }
        if (!string.IsNullOrWhiteSpace(ContactPhone) && !ContactRules.IsPhone(ContactPhone.Trim()))
            yield return new(nameof(ContactPhone), "Validation.Phone");
        if (!string.IsNullOrWhiteSpace(ContactEmail) && !ContactRules.IsEmail(ContactEmail.Trim()))
            yield return new(nameof(ContactEmail), "Validation.Email");

        foreach (var e in AttachmentIntake.Validate(Attachments, nameof(Attachments))) yield return e;
        // No key (an old form, a client that sends none) files as before; a key that is not one is refused.
        if (SubmissionKey is not null && !Cases.SubmissionKey.IsWellFormed(SubmissionKey))
            yield return new(nameof(SubmissionKey), "Case.SubmissionKeyInvalid");
    }
}

/// <summary>
/// What the submitter is shown (and emailed): the PIN exists in plain text only here. <see cref="AlreadyFiled"/>:
/// the same form was sent before and filed this case then; the PIN (stored only as a hash) is empty.
/// </summary>
public sealed record CaseReceipt(Guid CaseId, string TrackingNumber, string AccessPin, DateTimeOffset? ContactBy, DateTimeOffset? ResolveBy, bool AlreadyFiled = false);

public sealed class SubmitCaseHandler(
    FeedbackDbContext db,
    OrganisationCache organisation,
    WorkCalendarSource calendars,
    IAttachmentStore attachments,
    ICurrentUser user,
    TimeProvider clock) : ICommandHandler<SubmitCase, CaseReceipt>
{
    public async ValueTask<CaseReceipt> Handle(SubmitCase command, CancellationToken cancellationToken)
    {
        // First, before anything that may have changed since (a category closed): the same form sent again
        // answers with the case it filed. A second sending that races the first is settled by the unique index
        // and the unit of work's one retry (IIdempotentCommand), which arrives here again.
        if (await CaseFiling.FiledWithKeyAsync(db, command.SubmissionKey, cancellationToken) is { } earlier)
            return new CaseReceipt(earlier.Id, earlier.TrackingNumber, "", earlier.ContactBy, earlier.ResolveBy, AlreadyFiled: true);

        var org = await organisation.GetAsync(cancellationToken);
        var errors = new List<ValidationError>();
        if (org.Category(command.CategoryId) is not { IsActive: true }) errors.Add(new(nameof(command.CategoryId), "Validation.Invalid"));
        if (org.Area(command.ServiceAreaId) is not { IsActive: true }) errors.Add(new(nameof(command.ServiceAreaId), "Validation.Invalid"));
        // The form shows "department concerned" whatever kind is chosen (it works without script): it counts
        // only for a report, and can never be the office that handles reports.
        var accused = command.Kind == CaseKind.Report ? command.AccusedDepartmentId : null;
        if (accused is { } accusedId && org.Department(accusedId) is not { IsActive: true, IsIntegrityOffice: false })
            errors.Add(new(nameof(command.AccusedDepartmentId), "Validation.Invalid"));
        // The service hall or payment point it is about, if any: an active one in the chosen area.
        if (command.ServicePointId is { } pointId && !await db.ServicePoints.AnyAsync(p => p.Id == pointId && p.IsActive && p.ServiceAreaId == command.ServiceAreaId, cancellationToken))
            errors.Add(new(nameof(command.ServicePointId), "Public.File.ServicePointInvalid"));
        var files = await AttachmentIntake.CheckAsync(command.Attachments, nameof(command.Attachments), errors, cancellationToken);
        if (errors.Count > 0) throw new ValidationException(errors);

        var now = clock.GetUtcNow();
        // The hotline system files for a caller exactly as a dispatcher does, under its key's acting identity.
        var byDispatcher = SubmitCase.DispatcherChannels.Contains(command.Channel) || command.Channel == Channel.Api;
        var details = new NewCase(
            command.Kind, command.Channel, command.CategoryId, command.ServiceAreaId, command.Subject, command.Description,
            command.IsAnonymous,
            new ContactDetails(Clean(command.ContactName), Clean(command.ContactPhone), Clean(command.ContactEmail), Clean(command.ContactAddress), Clean(command.CustomerNumber)),
            command.Culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN",
            SubmitterUserId: byDispatcher ? null : user.UserId,
            FiledByUserId: byDispatcher ? user.UserId : null,
            FiledByName: byDispatcher ? user.DisplayName : null,
            AccusedDepartmentId: accused);

        var (@case, pin) = await CaseFiling.FileAsync(db, org, calendars, details, now, cancellationToken);
        @case.AboutServicePoint(command.ServicePointId);
        @case.FiledWithKey(command.SubmissionKey);
        var submitter = CaseAccess.For(user, null, @case.SubmitterUserId, provedByPin: true);
        await AttachmentIntake.AttachAsync(attachments, db, @case, files, submitter, now, cancellationToken);
        return new CaseReceipt(@case.Id, @case.TrackingNumber, pin, @case.ContactBy, @case.ResolveBy);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
