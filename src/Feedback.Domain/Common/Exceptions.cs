namespace Feedback.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is a resource key that the edge localises
/// (Resources/*.json); <see cref="Arguments"/> fill its placeholders.
/// </summary>
public class DomainRuleException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;
    public object[] Arguments { get; } = arguments;
}

/// <summary>The thing asked for does not exist, or the caller may not know that it exists (→ 404).</summary>
public sealed class NotFoundException(string code = "Error.NotFound") : DomainRuleException(code);

/// <summary>The caller is known but may not do this (→ 403).</summary>
public sealed class ForbiddenException(string code = "Error.Forbidden") : DomainRuleException(code);

/// <summary>A message failed its own validation (→ 400 or a form error).</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : DomainRuleException("Error.Validation")
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <param name="Field">The message property at fault (the form field name at the edge).</param>
/// <param name="Code">A resource key describing the problem.</param>
public sealed record ValidationError(string Field, string Code, params object[] Arguments);
