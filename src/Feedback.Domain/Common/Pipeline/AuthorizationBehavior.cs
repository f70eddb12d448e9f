using Mediator;

namespace Feedback.Domain.Common.Pipeline;

/// <summary>Refuses a message whose sender is not among those it declares (see <see cref="IAuthorizedMessage"/>).</summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IAuthorizedMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!message.IsAuthorizedFor(user))
            throw new ForbiddenException();
        return next(message, cancellationToken);
    }
}
