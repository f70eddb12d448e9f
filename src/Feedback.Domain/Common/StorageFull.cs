using Microsoft.Data.Sqlite;

namespace Feedback.Domain.Common;

/// <summary>
/// The disk (or the file system holding the data folder) is full: nothing of the command was saved, and
/// trying again later may work. Pages answer 503 with the form as it was and this message; /healthz reports
/// degraded meanwhile.
/// </summary>
public sealed class StorageFullException(Exception cause) : DomainRuleException(MessageCode)
{
    public const string MessageCode = "Storage.Full";

    public Exception Cause { get; } = cause;
}

/// <summary>Recognises "no space left" wherever it comes from: SQLite (SQLITE_FULL) or a file write (ENOSPC, ERROR_DISK_FULL).</summary>
public static class StorageFull
{
    private const int SqliteFull = 13;
    private const int LinuxNoSpace = 28;
    private const int WindowsDiskFull = 0x70;
    private const int WindowsHandleDiskFull = 0x27;

    public static bool Explains(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case StorageFullException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteFull:
                    return true;
                case IOException io when io.HResult == LinuxNoSpace || (io.HResult & 0xFFFF) is WindowsDiskFull or WindowsHandleDiskFull:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Rethrows <paramref name="exception"/> as <see cref="StorageFullException"/> when the disk is full; otherwise returns.</summary>
    public static void ThrowIfFull(Exception exception)
    {
        if (exception is not StorageFullException && Explains(exception))
            throw new StorageFullException(exception);
    }
}
