using Feedback.Domain.Auditing;
using Mediator;

namespace Feedback.Domain.Common.Pipeline;

/// <summary>
/// Records an <see cref="IAudited{TResponse}"/> message in the audit log once it has succeeded. It runs
/// after authorization and validation (a refused message handled no data) and around the unit of work, so a
/// command is recorded only when its change was stored. Queuing the line costs the request no database work.
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(IAuditTrail trail) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IAudited<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message.Audit(response) is { } note)
            trail.Record(note);
        return response;
    }
}
