using Feedback.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Applies the migrations at start-up so that neither a crash nor a full disk can keep the app from starting
/// (docs/decisions/0020):
/// <list type="bullet">
/// <item>Pending migrations are looked up read-only first; when there are none, nothing is written (EF's
/// migrator would otherwise take its lock row even then, which fails on a full disk).</item>
/// <item>EF Core's SQLite lock is a row in <c>__EFMigrationsLock</c> that never expires: a process killed while
/// migrating leaves it behind and every later start waits on it for ever. So migrating processes first take an
/// operating-system lock on a file beside the database, which the OS releases when its holder dies, however it
/// dies. Whoever holds that file lock is the only one migrating, so a lock row it finds is stale: it is removed,
/// with one warning in the log, and the migrations go on.</item>
/// </list>
/// </summary>
public static class StartupMigrations
{
    public const string EfLockTable = "__EFMigrationsLock";
    public const string LockFileSuffix = ".migrating.lock";

    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(250);

    public static async Task MigrateAsync(FeedbackDbContext db, ILogger logger, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count == 0)
            return;
        await using var holder = await TakeFileLockAsync(db, logger, cancellationToken);
        await RemoveStaleLockRowAsync(db, logger, cancellationToken);
        logger.LogInformation("Applying {Count} database migrations ({First} … {Last})", pending.Count, pending[0], pending[^1]);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The lock file of the database <paramref name="db"/> opens; null for an in-memory database.</summary>
    public static string? LockFileOf(FeedbackDbContext db)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(source) || source.Contains(":memory:", StringComparison.OrdinalIgnoreCase) || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(source) + LockFileSuffix;
    }

    /// <summary>
    /// Opens the lock file exclusively (.NET takes an advisory flock for FileShare.None on Unix, a share lock
    /// on Windows); waits, saying so once, while another live process migrates.
    /// </summary>
    private static async Task<IAsyncDisposable?> TakeFileLockAsync(FeedbackDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        if (LockFileOf(db) is not { } path)
            return null;
        var waiting = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex) when (IsHeldElsewhere(ex))
            {
                if (!waiting)
                    logger.LogWarning("Another process is migrating the database {Database}; waiting for it to finish", Path.GetFileName(path[..^LockFileSuffix.Length]));
                waiting = true;
                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
    }

    // The file exists and another handle holds its lock (EWOULDBLOCK from flock, or a sharing violation).
    private static bool IsHeldElsewhere(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException) && !Feedback.Domain.Common.StorageFull.Explains(ex)
        && (ex.HResult == 11 || (ex.HResult & 0xFFFF) is 0x20 or 0x21);

    private static async Task RemoveStaleLockRowAsync(FeedbackDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var find = connection.CreateCommand();
            find.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{EfLockTable}'";
            if (Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken)) == 0)
                return;
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT \"Timestamp\" FROM \"{EfLockTable}\" LIMIT 1";
            if (await read.ExecuteScalarAsync(cancellationToken) is not { } takenAt || takenAt is DBNull)
                return;
            await using var remove = connection.CreateCommand();
            remove.CommandText = $"DELETE FROM \"{EfLockTable}\"";
            await remove.ExecuteNonQueryAsync(cancellationToken);
            logger.LogWarning("Took over the database migration lock taken at {TakenAt} by a process that stopped while migrating", takenAt);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
