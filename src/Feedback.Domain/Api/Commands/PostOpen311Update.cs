using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Commands;

/// <summary>
/// Open311 <c>POST servicerequestupdates</c> as FixMyStreet sends it: the citizen's update on a request the
/// client filed (only that client's key may), appended to the case as the submitter's message (the answer, when a question waits), with
/// its photos checked like any upload. <see cref="Status"/> is the client's view (OPEN / CLOSED / FIXED …)
/// and is recorded in the message, never applied: only the customer's confirmation closes a case.
/// The same <see cref="ClientUpdateId"/> on the same request is a retry: it answers the first update's id and
/// adds nothing (<see cref="Open311UpdateReceipt"/>; two sendings at once meet at its key, and the unit of
/// work's one retry lands here again and finds the winner's).
/// </summary>
public sealed record PostOpen311Update(
    string? ServiceRequestId,
    string? Description,
    string? Status,
    string? ClientUpdateId,
    string? MediaUrl,
    string? FirstName,
    string? LastName,
    IReadOnlyList<UploadedFile>? Photos = null) : ICommand<Guid>, IAuthorizedMessage, IValidate, IIdempotentCommand
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.ApiClient);

    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceRequestId)) yield return new("service_request_id", "Validation.Required");
        if (string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(MediaUrl) && Photos is not { Count: > 0 })
            yield return new("description", "Validation.Required");
        foreach (var e in Check.Optional(Description, "description", SubmitOpen311Request.DescriptionMaxLength)) yield return e;
        foreach (var e in Check.Optional(Status, "status", 50)) yield return e;
        foreach (var e in Check.Optional(ClientUpdateId, "update_id", Open311Details.IdMaxLength)) yield return e;
        foreach (var e in Check.Optional(MediaUrl, "media_url", Open311Details.MediaUrlMaxLength)) yield return e;
        foreach (var e in Check.Optional(FirstName, "first_name", 50)) yield return e;
        foreach (var e in Check.Optional(LastName, "last_name", 50)) yield return e;
        if (!SubmitOpen311Request.IsWebAddress(MediaUrl)) yield return new("media_url", "Validation.Invalid");
        foreach (var e in AttachmentIntake.Validate(Photos, "media")) yield return e;
    }
}

public sealed class PostOpen311UpdateHandler(FeedbackDbContext db, IAttachmentStore store, TimeProvider clock, ICurrentUser user)
    : ICommandHandler<PostOpen311Update, Guid>
{
    public async ValueTask<Guid> Handle(PostOpen311Update command, CancellationToken cancellationToken)
    {
        var trackingNumber = command.ServiceRequestId!.Trim().ToUpperInvariant();
        var caseId = await db.Open311Details.AsNoTracking()
            .Where(d => d.FiledByApiKeyId == user.ApiKeyId)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { c.Id, c.TrackingNumber, c.Kind })
            .Where(x => x.TrackingNumber == trackingNumber && x.Kind != CaseKind.Report)
            .Select(x => (Guid?)x.Id)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Api.Open311.RequestNotFound");
        var clientUpdateId = command.ClientUpdateId?.Trim();
        if (!string.IsNullOrEmpty(clientUpdateId)
            && await db.Open311UpdateReceipts.AsNoTracking()
                .Where(r => r.CaseId == caseId && r.ClientUpdateId == clientUpdateId)
                .Select(r => (Guid?)r.EventId)
                .FirstOrDefaultAsync(cancellationToken) is { } earlier)
            return earlier;
        var @case = await db.Cases.Include(c => c.Events).Include(c => c.Attachments).SingleAsync(c => c.Id == caseId, cancellationToken);

        var files = await AttachmentIntake.CheckForCaseAsync(@case, command.Photos, "media", cancellationToken);

        // The person who wrote it is the case's submitter, reached through the client that filed it.
        var name = string.Join(' ', new[] { command.FirstName, command.LastName }.Where(n => !string.IsNullOrWhiteSpace(n) && n.Trim() != "-").Select(n => n!.Trim()));
        var submitter = new CaseParticipant(null, name.Length > 0 ? name : @case.Contact.Name ?? "", new HashSet<Actor> { Actor.Submitter });
        var now = clock.GetUtcNow();
        var entry = @case.AddSubmitterMessage(MessageOf(command), submitter, now);
        await AttachmentIntake.AttachAsync(store, db, @case, files, submitter, now, cancellationToken);
        if (!string.IsNullOrEmpty(clientUpdateId))
            db.Open311UpdateReceipts.Add(new Open311UpdateReceipt(caseId, clientUpdateId, entry.Id, now));
        return entry.Id;
    }

    /// <summary>The citizen's words, then what the client said beside them (its status, a photo's address), for the handlers to read.</summary>
    private static string MessageOf(PostOpen311Update command)
    {
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(command.Description)) lines.Add(command.Description.Trim());
        if (!string.IsNullOrWhiteSpace(command.Status)) lines.Add($"status: {command.Status.Trim()}");
        if (!string.IsNullOrWhiteSpace(command.MediaUrl)) lines.Add($"media_url: {command.MediaUrl.Trim()}");
        var text = string.Join('\n', lines);
        return text.Length <= Case.TextMaxLength ? text : text[..Case.TextMaxLength];
    }
}
