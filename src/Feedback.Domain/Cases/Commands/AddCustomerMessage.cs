using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// The submitter (signed in, or proved by tracking number + PIN) writes to their open case, optionally with
/// files: a message on the timeline for whoever handles it, who is emailed (<see cref="SubmitterMessageAdded"/>).
/// The status stays, except that a message while a question waits is its answer (AwaitingInfo → InProgress,
/// see <see cref="Case.AddSubmitterMessage"/>). A closed or rejected case takes no more messages.
/// </summary>
public sealed record AddCustomerMessage(Guid CaseId, SubmitterProof Proof, string Message, IReadOnlyList<UploadedFile>? Attachments = null)
    : ICommand<CaseStatus>, IAuthorizedMessage, IValidate
{
    // Whether this caller may write depends on the case and the proof: decided by the handler.
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Required(Message, nameof(Message), Case.TextMaxLength)) yield return e;
        foreach (var e in AttachmentIntake.Validate(Attachments, nameof(Attachments))) yield return e;
    }
}

public sealed class AddCustomerMessageHandler(FeedbackDbContext db, IAttachmentStore store, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddCustomerMessage, CaseStatus>
{
    public async ValueTask<CaseStatus> Handle(AddCustomerMessage command, CancellationToken cancellationToken)
    {
        var (@case, who) = await db.LoadForSubmitterAsync(command.CaseId, command.Proof, user, cancellationToken);
        var files = await AttachmentIntake.CheckForCaseAsync(@case, command.Attachments, nameof(command.Attachments), cancellationToken);

        var now = clock.GetUtcNow();
        @case.AddSubmitterMessage(command.Message.Trim(), who, now);
        await AttachmentIntake.AttachAsync(store, db, @case, files, who, now, cancellationToken);
        return @case.Status;
    }
}
