using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Rectification;
using Mediator;

namespace Feedback.Domain.Publishing.Commands;

/// <summary>Staff write (or rewrite) the public notice of a case; it is stored masked for the public, as a draft.</summary>
public sealed record SaveOutcomeDraft(Guid CaseId, string Title, string Markdown) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => OutcomeLoader.IsCaseWorker(user);

    public IEnumerable<ValidationError> Validate() =>
        Check.Required(Title, nameof(Title), Outcome.TitleMaxLength).Concat(Check.Required(Markdown, nameof(Markdown), Outcome.BodyMaxLength));
}

public sealed class SaveOutcomeDraftHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SaveOutcomeDraft>
{
    public async ValueTask<Unit> Handle(SaveOutcomeDraft command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        var now = clock.GetUtcNow();
        if (await db.FindOutcomeAsync(command.CaseId, cancellationToken) is { } outcome)
            outcome.Revise(@case, command.Title, command.Markdown, by, now);
        else
            db.Outcomes.Add(Outcome.Draft(@case, command.Title, command.Markdown, by, now));
        return Unit.Value;
    }
}
