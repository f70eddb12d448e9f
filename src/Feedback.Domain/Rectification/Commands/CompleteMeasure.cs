using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Rectification.Commands;

/// <summary>A measure is done: what was done (the completion note) and the evidence (photos, scanned documents).</summary>
public sealed record CompleteMeasure(Guid CaseId, Guid MeasureId, string Note, IReadOnlyList<UploadedFile> Evidence)
    : ICommand, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Staff) || user.IsInRole(Roles.DepartmentHead);

    public IEnumerable<ValidationError> Validate() =>
        Check.Required(Note, nameof(Note), RectificationMeasure.NoteMaxLength)
            .Concat(AttachmentIntake.Validate(Evidence, nameof(Evidence), RectificationMeasure.MaxEvidence));
}

public sealed class CompleteMeasureHandler(FeedbackDbContext db, ICurrentUser user, IAttachmentStore store, TimeProvider clock)
    : ICommandHandler<CompleteMeasure>
{
    public async ValueTask<Unit> Handle(CompleteMeasure command, CancellationToken cancellationToken)
    {
        var (@case, by) = await db.LoadCaseForHandlersAsync(command.CaseId, user, cancellationToken);
        var rectification = await db.LoadRectificationAsync(command.CaseId, cancellationToken);
        var errors = new List<ValidationError>();
        var files = await AttachmentIntake.CheckAsync(command.Evidence, nameof(command.Evidence), errors, cancellationToken);
        if (errors.Count > 0)
            throw new ValidationException(errors);
        var now = clock.GetUtcNow();
        rectification.CompleteMeasure(@case, command.MeasureId, command.Note, by, now);
        await AttachmentIntake.StoreAsync(store, db, files,
            (file, name, key) => rectification.AddEvidence(@case, command.MeasureId, name, file.ContentType, file.Upload.Length, key, by, now),
            cancellationToken);
        return Unit.Value;
    }
}
