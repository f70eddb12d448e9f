using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Sla;
using Feedback.Domain.Supervision;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>
/// The submitter does not accept the reply to a resolved case and says why: it is reopened, counts against
/// the department's reopen rate, and the resolution clock runs on from where it stopped.
/// </summary>
public sealed record RejectResolution(Guid CaseId, SubmitterProof Proof, string Reason)
    : ICommand<CaseStatus>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => true;

    public IEnumerable<ValidationError> Validate() => Check.Required(Reason, nameof(Reason), Case.TextMaxLength);
}

public sealed class RejectResolutionHandler(FeedbackDbContext db, ICurrentUser user, WorkCalendarSource calendars, TimeProvider clock)
    : ICommandHandler<RejectResolution, CaseStatus>
{
    public async ValueTask<CaseStatus> Handle(RejectResolution command, CancellationToken cancellationToken)
    {
        var (@case, who) = await db.LoadForSubmitterAsync(command.CaseId, command.Proof, user, cancellationToken);
        await db.EnsureFindingVerifierServingAsync(@case, who, user, calendars, clock, cancellationToken);
        @case.RejectResolution(command.Reason.Trim(), who, clock.GetUtcNow());
        return @case.Status;
    }
}
