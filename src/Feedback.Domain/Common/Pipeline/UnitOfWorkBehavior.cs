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
            try
            {
                return await HandleAndSaveAsync(message, next, cancellationToken);
            }
            catch (Exception ex) when (message is IIdempotentCommand && UniqueViolation.Explains(ex))
            {
                // The same command was committed meanwhile (a double click, another instance): nothing of ours was
                // stored, so forget it and run the handler again, which now finds the other one's result. Once only.
                db.ChangeTracker.Clear();
                return await HandleAndSaveAsync(message, next, cancellationToken);
            }
        }
        finally
        {
            db.UnitOfWorkDepth--;
        }
    }

    private async ValueTask<TResponse> HandleAndSaveAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
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
}
