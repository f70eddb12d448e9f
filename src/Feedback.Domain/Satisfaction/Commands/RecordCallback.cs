using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Satisfaction.Commands;

/// <summary>A dispatcher called an unhappy customer back and notes what came of it; the case leaves the list.</summary>
public sealed record RecordCallback(Guid SurveyId, string Note) : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Dispatcher);

    public IEnumerable<ValidationError> Validate() => Check.Required(Note, nameof(Note), Survey.CallbackNoteMaxLength);
}

public sealed class RecordCallbackHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordCallback>
{
    public async ValueTask<Unit> Handle(RecordCallback command, CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == command.SurveyId, cancellationToken) ?? throw new NotFoundException();
        survey.RecordCallback(command.Note, user.UserId, clock.GetUtcNow());
        return Unit.Value;
    }
}
