using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Domain.Common.Pipeline;

/// <summary>
/// Last before the handler, for commands only: one SaveChanges per command. The domain events that the
/// handler's entities raised are written to the outbox in that same SaveChanges (one transaction), so an
/// email is queued if and only if the change it reports was stored.
/// A command sent from inside another command (nested) joins the outer unit of work.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(FeedbackDbContext db, TimeProvider clock) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.UnitOfWorkDepth > 0)
            return await next(message, cancellationToken);

        db.UnitOfWorkDepth++;
        try
        {
            var response = await next(message, cancellationToken);
            db.MoveDomainEventsToOutbox(clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (Exception ex)
            {
                // A full disk is not a bug: the edge tells the person that nothing was saved (the transaction rolled back).
                StorageFull.ThrowIfFull(ex);
                throw;
            }
            return response;
        }
        finally
        {
            db.UnitOfWorkDepth--;
        }
    }
}
