using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Identity.Commands;

/// <summary>Anyone signed in changes the name others see and the language of their pages and emails.</summary>
public sealed record UpdateMyProfile(string DisplayName, string Culture) : ICommand<Guid>, IAuthorizedMessage, IValidate, IAudited<Guid>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsAuthenticated;

    public AuditNote? Audit(Guid id) => new(AuditAction.AccountUpdate, id, $"profile, {Culture}");

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Required(DisplayName, nameof(DisplayName), AccountRules.DisplayNameMaxLength)) yield return e;
        if (!AccountRules.IsSupportedCulture(Culture)) yield return new(nameof(Culture), "Validation.Invalid");
    }
}

public sealed class UpdateMyProfileHandler(FeedbackDbContext db, ICurrentUser current) : ICommandHandler<UpdateMyProfile, Guid>
{
    public async ValueTask<Guid> Handle(UpdateMyProfile command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == current.UserId, cancellationToken) ?? throw new NotFoundException();
        user.DisplayName = command.DisplayName.Trim();
        user.PreferredCulture = command.Culture;
        return user.Id;
    }
}
