using Feedback.Domain.Data;
using Feedback.Domain.Notifications;
using Feedback.Web.Infrastructure.Outbox;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Feedback.Web.Infrastructure.Email;

/// <summary>
/// Sends pending emails that are due, in batches over one SMTP connection each (or into the pickup folder
/// when no SMTP host is set). Rows are claimed before sending — their next attempt is pushed out by a
/// lease in one conditional UPDATE — so no second dispatcher can send them meanwhile, and the outcome is
/// saved right after each message: sent once, or failed with backoff and in the end a dead letter.
/// </summary>
public sealed class EmailDispatcher(
    IServiceScopeFactory scopes, EmailOptions options, WorkSignals signals, TimeProvider clock, ILogger<EmailDispatcher> logger)
    : PollingService(signals.Email, logger)
{
    private const int MaxBatchesPerRun = 20;
    /// <summary>How long a claimed row is left alone; if the sender dies mid-batch, the row is due again after it.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    protected override bool Enabled => options.BackgroundEnabled;
    protected override TimeSpan PollInterval => options.DispatchPollInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var round = 0; round < MaxBatchesPerRun; round++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var batch = await ClaimAsync(db, cancellationToken);
            if (batch.Count == 0)
                break;
            await using (var sender = CreateSender())
            {
                foreach (var email in batch)
                {
                    if (await SendAsync(sender, email, cancellationToken))
                        sent++;
                    // Recorded at once, and even while stopping: a sent message must not stay claimable.
                    await db.SaveChangesAsync(CancellationToken.None);
                }
            }
            if (batch.Count < options.BatchSize)
                break;
        }
        return sent;
    }

    private IMailSender CreateSender() =>
        options.UsesSmtp ? new SmtpMailSender(options) : new PickupFolderSender(options.PickupPath);

    private async Task<List<EmailMessage>> ClaimAsync(FeedbackDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ids = await db.EmailMessages
            .Where(m => m.Status == EmailStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(options.BatchSize)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return [];
        // A lease end that no other claim shares identifies the rows this claim won.
        var leaseUntil = now + ClaimLease + TimeSpan.FromTicks(Random.Shared.NextInt64(1, TimeSpan.TicksPerSecond));
        // In a transaction, so that the write queues on SqliteWriteGate like every other instead of racing it.
        await using (var claim = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.EmailMessages
                .Where(m => ids.Contains(m.Id) && m.Status == EmailStatus.Pending && m.NextAttemptAt <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, leaseUntil), cancellationToken);
            await claim.CommitAsync(cancellationToken);
        }
        return await db.EmailMessages
            .Where(m => ids.Contains(m.Id) && m.Status == EmailStatus.Pending && m.NextAttemptAt == leaseUntil)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    private async Task<bool> SendAsync(IMailSender sender, EmailMessage email, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(ToMime(email), cancellationToken);
            email.MarkSent(clock.GetUtcNow());
            logger.LogInformation("Email {EmailId} ({Template}) sent", email.Id, email.Template);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var error = SafeErrors.Describe(ex);
            email.MarkFailed(error, clock.GetUtcNow());
            if (email.Status == EmailStatus.DeadLetter)
                logger.LogError("Email {EmailId} ({Template}) is a dead letter after {Attempts} attempts: {Error}", email.Id, email.Template, email.Attempts, error);
            else
                logger.LogWarning("Email {EmailId} ({Template}) failed, attempt {Attempts}, next at {NextAttemptAt:u}: {Error}", email.Id, email.Template, email.Attempts, email.NextAttemptAt, error);
            return false;
        }
    }

    private MimeMessage ToMime(EmailMessage email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Date = clock.GetUtcNow();
        // The same id on every attempt, so a receiving system can recognise a message it already has.
        message.MessageId = $"{email.Id:N}@{options.From[(options.From.IndexOf('@') + 1)..]}";
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }
}
