using Mediator;

namespace Feedback.Domain.Common.Pipeline;

/// <summary>Runs the message's own <see cref="IValidate.Validate"/> and refuses it with every error at once.</summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IValidate
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = message.Validate().ToList();
        if (errors.Count > 0)
            throw new ValidationException(errors);
        return next(message, cancellationToken);
    }
}
