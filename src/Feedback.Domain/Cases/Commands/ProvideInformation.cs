using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// The submitter answers a request for information (AwaitingInfo → InProgress; the deadline clock runs
/// again), optionally with files such as a photo of the meter or a bill.
/// </summary>
public sealed record ProvideInformation(Guid CaseId, SubmitterProof Proof, string Answer, IReadOnlyList<UploadedFile>? Attachments = null)
    : ICommand<CaseStatus>, IAuthorizedMessage, IValidate
{
    // Whether this caller may answer depends on the case and the proof: decided by the handler.
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Required(Answer, nameof(Answer), Case.TextMaxLength)) yield return e;
        foreach (var e in AttachmentIntake.Validate(Attachments, nameof(Attachments))) yield return e;
    }
}

public sealed class ProvideInformationHandler(FeedbackDbContext db, IAttachmentStore store, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ProvideInformation, CaseStatus>
{
    public async ValueTask<CaseStatus> Handle(ProvideInformation command, CancellationToken cancellationToken)
    {
        var (@case, who) = await db.LoadForSubmitterAsync(command.CaseId, command.Proof, user, cancellationToken);
        var files = await AttachmentIntake.CheckForCaseAsync(@case, command.Attachments, nameof(command.Attachments), cancellationToken);

        var now = clock.GetUtcNow();
        @case.ProvideInformation(command.Answer.Trim(), who, now);
        await AttachmentIntake.AttachAsync(store, db, @case, files, who, now, cancellationToken);
        return @case.Status;
    }
}
