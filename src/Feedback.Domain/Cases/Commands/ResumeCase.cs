using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Cases.Commands;

/// <summary>Staff pick a reopened case up again (the submitter rejected the resolution).</summary>
public sealed record ResumeCase(Guid CaseId) : ICommand, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => Senders.IsCaseWorker(user);
}

public sealed class ResumeCaseHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ResumeCase>
{
    public async ValueTask<Unit> Handle(ResumeCase command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadForAsync(command.CaseId, user, CaseLoader.Handlers, cancellationToken);
        @case.Resume(by, clock.GetUtcNow());
        return Unit.Value;
    }
}
