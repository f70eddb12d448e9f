using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Supervision.Commands;

/// <summary>
/// An admin adds a review dimension, renames one or retires it (<see cref="IsActive"/> false). Scores are
/// stored against the dimension's id, so history keeps its meaning; nothing here deletes a dimension.
/// </summary>
public sealed record SaveReviewDimension(Guid? Id, string Code, string NameZh, string NameEn, int SortOrder, bool IsActive = true)
    : ICommand<Guid>, IAuthorizedMessage, IValidate
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public IEnumerable<ValidationError> Validate()
    {
        if (Id is null)
            foreach (var e in SupervisionRules.ValidateCode(Code)) yield return e;
        foreach (var e in SupervisionRules.ValidateNames(NameZh, NameEn, SortOrder)) yield return e;
    }
}

public sealed class SaveReviewDimensionHandler(FeedbackDbContext db) : ICommandHandler<SaveReviewDimension, Guid>
{
    public async ValueTask<Guid> Handle(SaveReviewDimension command, CancellationToken cancellationToken)
    {
        if (command.Id is { } id)
        {
            var dimension = await db.ReviewDimensions.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException();
            dimension.Rename(command.NameZh, command.NameEn);
            dimension.MoveTo(command.SortOrder);
            dimension.SetActive(command.IsActive);
            return dimension.Id;
        }
        var code = OrganisationEntryRules.NormaliseCode(command.Code);
        var upper = code.ToUpperInvariant();
        if (await db.ReviewDimensions.AnyAsync(d => d.Code.ToUpper() == upper, cancellationToken))
            throw new ValidationException([new(nameof(command.Code), "Admin.Organisation.CodeTaken", code)]);
        var created = new ReviewDimension(code, command.NameZh, command.NameEn, command.SortOrder);
        if (!command.IsActive) created.SetActive(false);
        db.ReviewDimensions.Add(created);
        return created.Id;
    }
}
