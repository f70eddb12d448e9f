using Mediator;

namespace Feedback.Domain.Common;

/// <summary>
/// Every command and query says who may send it (DESIGN §7). The authorization behavior calls this before
/// the handler runs; a test checks that every message implements it. Checks that need data (is this case in
/// the user's department?) belong in the handler, which throws <see cref="ForbiddenException"/> or
/// <see cref="NotFoundException"/>.
/// </summary>
public interface IAuthorizedMessage : IMessage
{
    bool IsAuthorizedFor(ICurrentUser user);
}

/// <summary>
/// A command whose handler first looks for what an earlier sending of the same command stored (an idempotency
/// key) and answers with that. When its save collides with a unique index — the same command committed meanwhile
/// by another request or instance — the unit of work discards its changes and runs the handler once more, which
/// then finds the other one's result instead of failing.
/// </summary>
public interface IIdempotentCommand : IBaseCommand;

/// <summary>A message that checks its own fields; failures become a 400 or form errors, never a 500.</summary>
public interface IValidate : IMessage
{
    IEnumerable<ValidationError> Validate();
}

/// <summary>Small helpers so messages can state their rules in one line each.</summary>
public static class Check
{
    public static IEnumerable<ValidationError> Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) yield return new(field, "Validation.Required");
        else if (value.Length > maxLength) yield return new(field, "Validation.TooLong", maxLength);
    }

    public static IEnumerable<ValidationError> Optional(string? value, string field, int maxLength)
    {
        if (value is not null && value.Length > maxLength) yield return new(field, "Validation.TooLong", maxLength);
    }

    public static IEnumerable<ValidationError> Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value)) yield return new(field, "Validation.Invalid");
    }

    /// <summary>Earliest and latest instant a client may name: the app computes windows and deadlines from it, and the arithmetic must stay inside what DateTimeOffset can hold.</summary>
    public static readonly DateTimeOffset EarliestInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset LatestInstant = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<ValidationError> Instant(DateTimeOffset? value, string field)
    {
        if (value is { } at && (at < EarliestInstant || at > LatestInstant))
            yield return new(field, "Validation.DateRange", EarliestInstant.Year, LatestInstant.Year - 1);
    }

    public static IEnumerable<ValidationError> NotEmpty(Guid value, string field)
    {
        if (value == Guid.Empty) yield return new(field, "Validation.Required");
    }
}
