using System.Collections.Frozen;
using System.Text.Json;
using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Feedback.Domain.Notifications;
using Feedback.Web.Infrastructure.Email;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Outbox;

/// <summary>
/// Publishes the domain events that commands stored in the outbox, oldest first, to their handlers (which
/// queue emails). Each event gets its own DI scope acting as the system, and one SaveChanges stores what
/// the handlers added together with the mark that the event is done — so a crash between the two cannot
/// send an email twice or lose one. A failing event is retried with backoff; the others go on.
/// </summary>
public sealed class OutboxProcessor(
    IServiceScopeFactory scopes, EmailOptions options, WorkSignals signals, TimeProvider clock, ILogger<OutboxProcessor> logger)
    : PollingService(signals.Outbox, logger)
{
    private const int MaxBatchesPerRun = 20;

    /// <summary>Only domain events of the domain assembly are ever instantiated from a stored type name.</summary>
    private static readonly FrozenDictionary<string, Type> EventTypes = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToFrozenDictionary(t => t.FullName!, StringComparer.Ordinal);

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override bool Enabled => options.BackgroundEnabled;
    protected override TimeSpan PollInterval => options.OutboxPollInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        for (var batch = 0; batch < MaxBatchesPerRun; batch++)
        {
            var due = await DueAsync(cancellationToken);
            foreach (var id in due)
                if (await ProcessAsync(id, cancellationToken))
                    processed++;
            if (due.Count < options.BatchSize)
                break;
        }
        await CleanUpAsync(cancellationToken);
        return processed;
    }

    private async Task<List<Guid>> DueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var now = clock.GetUtcNow();
        return await db.OutboxMessages
            .Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> ProcessAsync(Guid id, CancellationToken cancellationToken)
    {
        string type;
        Exception failure;
        await using (var scope = scopes.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.ProcessedAt == null, cancellationToken);
            if (message is null)
                return false;
            type = message.Type;
            try
            {
                var domainEvent = Deserialize(message);
                await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(domainEvent, cancellationToken);
                var now = clock.GetUtcNow();
                db.MoveDomainEventsToOutbox(now);
                message.MarkProcessed(now);
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = ex;
            }
        }

        // A fresh scope: nothing the failed handlers added may be saved with the failure mark.
        await using var retry = scopes.CreateAsyncScope();
        var retryDb = retry.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var failed = await retryDb.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        var error = SafeErrors.Describe(failure);
        failed.MarkFailed(error, clock.GetUtcNow());
        await retryDb.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Outbox message {OutboxId} ({EventType}) failed, attempt {Attempt}, next at {NextAttemptAt:u}: {Error}",
            id, type, failed.Attempts, failed.NextAttemptAt, error);
        return false;
    }

    private static object Deserialize(OutboxMessage message)
    {
        if (!EventTypes.TryGetValue(message.Type, out var type))
            throw new InvalidOperationException($"'{message.Type}' is not a domain event of this version.");
        return JsonSerializer.Deserialize(message.Payload, type, FeedbackDbContext.EventJson)
            ?? throw new InvalidOperationException($"The payload of a '{message.Type}' is empty.");
    }

    /// <summary>Processed rows are history only (and an acknowledgement's row holds the PIN): drop them after a while.</summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _lastCleanup < TimeSpan.FromHours(1))
            return;
        _lastCleanup = now;
        var cutoff = now - options.OutboxRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken); // queues on SqliteWriteGate
        var deleted = await db.OutboxMessages.Where(m => m.ProcessedAt != null && m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Deleted {Count} processed outbox messages older than {Cutoff:u}", deleted, cutoff);
    }
}
