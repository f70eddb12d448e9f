using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Feedback.Domain.Supervision;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>The submitter accepts the reply to a resolved case: it is closed.</summary>
public sealed record ConfirmResolution(Guid CaseId, SubmitterProof Proof, string? Comment = null)
    : ICommand<CaseStatus>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate() => Check.Optional(Comment, nameof(Comment), Case.TextMaxLength);
}

public sealed class ConfirmResolutionHandler(FeedbackDbContext db, ICurrentUser user, WorkCalendarSource calendars, TimeProvider clock)
    : ICommandHandler<ConfirmResolution, CaseStatus>
{
    public async ValueTask<CaseStatus> Handle(ConfirmResolution command, CancellationToken cancellationToken)
    {
        var (@case, who) = await db.LoadForSubmitterAsync(command.CaseId, command.Proof, user, cancellationToken);
        await db.EnsureFindingVerifierServingAsync(@case, who, user, calendars, clock, cancellationToken);
        @case.ConfirmResolution(string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim(), who, clock.GetUtcNow());
        return @case.Status;
    }
}
