using Feedback.Domain.Auditing;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Api.Commands;

/// <summary>
/// An admin issues a key to a partner system. A hotline key acts as a named staff account (see
/// <see cref="ApiKey.ActingUserId"/>), which must work cases; an Open311-only key needs none.
/// </summary>
public sealed record CreateApiKey(string Name, bool Open311, bool Hotline, string? ActingUserEmail)
    : ICommand<CreatedApiKey>, IAuthorizedMessage, IValidate, IAudited<CreatedApiKey>
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);

    public AuditNote? Audit(CreatedApiKey created) => new(AuditAction.ApiKeyCreate, created.Id, $"{Name.Trim()}: {(Open311 ? "Open311 " : "")}{(Hotline ? "Hotline" : "")}".TrimEnd());

    public IEnumerable<ValidationError> Validate()
    {
        foreach (var e in Check.Required(Name, nameof(Name), ApiKey.NameMaxLength)) yield return e;
        if (!Open311 && !Hotline) yield return new(nameof(Open311), "Api.Keys.ScopeRequired");
        if (Hotline && string.IsNullOrWhiteSpace(ActingUserEmail)) yield return new(nameof(ActingUserEmail), "Api.Keys.ActingUserRequired");
        foreach (var e in Check.Optional(ActingUserEmail, nameof(ActingUserEmail), 254)) yield return e;
    }
}

/// <param name="Secret">Shown once; only its hash is kept.</param>
public sealed record CreatedApiKey(Guid Id, string Secret);

public sealed class CreateApiKeyHandler(FeedbackDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    private static readonly string[] CaseWorkerRoles = [Roles.Staff, Roles.DepartmentHead, Roles.Dispatcher];

    public async ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        Guid? actingUserId = null;
        if (command.Hotline)
        {
            var email = command.ActingUserEmail!.Trim().ToUpperInvariant();
            actingUserId = await db.Users
                .Where(u => u.NormalizedEmail == email)
                .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && CaseWorkerRoles.Contains(r.Name!))))
                .Select(u => (Guid?)u.Id)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException([new(nameof(command.ActingUserEmail), "Api.Keys.ActingUserInvalid")]);
        }
        var scopes = (command.Open311 ? ApiScopes.Open311 : ApiScopes.None) | (command.Hotline ? ApiScopes.Hotline : ApiScopes.None);
        var (key, secret) = ApiKey.Create(command.Name, scopes, actingUserId, user.UserId, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        return new CreatedApiKey(key.Id, secret);
    }
}
