using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Rectification.Commands;

/// <summary>The department decides on a suggestion — adopted, partly adopted or not — and says why; the submitter is told.</summary>
public sealed record DecideSuggestion(Guid CaseId, SuggestionVerdict Verdict, string Reason) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);

    public IEnumerable<ValidationError> Validate() =>
        Check.Defined(Verdict, nameof(Verdict)).Concat(Check.Required(Reason, nameof(Reason), SuggestionDecision.ReasonMaxLength));
}

public sealed class DecideSuggestionHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DecideSuggestion>
{
    public async ValueTask<Unit> Handle(DecideSuggestion command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.SuggestionDecisions.FirstOrDefaultAsync(d => d.CaseId == command.CaseId, cancellationToken) is { } decision)
            decision.Revise(@case, command.Verdict, command.Reason, by, now);
        else
            db.SuggestionDecisions.Add(SuggestionDecision.Decide(@case, command.Verdict, command.Reason, by, now));
        return Unit.Value;
    }
}
