using System.Diagnostics;
using System.Net;
using Feedback.Web.Tests.Infrastructure;
using Feedback.Web.Tests.Public;
using Microsoft.Data.Sqlite;

namespace Feedback.Web.Tests.Foundation;

/// <summary>A test that needs root (to mount a file system); skipped for anyone else. CI runs as root.</summary>
public sealed class NeedsRootFactAttribute : FactAttribute
{
    public NeedsRootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
            Skip = "Needs root on Linux to mount a small tmpfs as the data folder.";
    }
}

/// <summary>
/// A real full disk: the data folder is a small tmpfs, filled up with a filler file while the app runs. Reads go
/// on, a filing is told that nothing was saved (503, the form kept, no file left behind), /healthz says degraded,
/// and the app starts again on the full disk because nothing needs migrating.
/// </summary>
public sealed class DiskFullTests : IDisposable
{
    /// <summary>Bounds the filings it takes to fill SQLite's log once the disk is full (each adds some pages).</summary>
    private const int MaxFilingsUntilFull = 5000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feedback-tests", "disk-full-" + Guid.NewGuid().ToString("N"));
    private bool _mounted;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted)
            Run("umount", "-l", _folder);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the OS temp cleaner gets it */ }
    }

    [NeedsRootFact]
    public async Task WithTheDiskFull_ReadsGoOn_FilingsSaveNothingAndSaySo_AndTheAppStillStarts()
    {
        Directory.CreateDirectory(_folder);
        Run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", _folder);
        _mounted = true;
        var settings = new Dictionary<string, string?> { ["Feedback:DataPath"] = _folder, ["Storage:MinFreeMegabytes"] = "1" };

        string trackingNumber, pin;
        using (var app = new FeedbackApp(settings))
        {
            var visitor = app.CreateBrowserClient();
            (trackingNumber, pin) = await PublicFlows.FileAsync(app, visitor, null, ("meter.png", PublicFlows.Png));
            Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/healthz"));

            FillTheDisk();

            // With an attachment: the file cannot be written.
            var casesBefore = await PublicFlows.CountCasesAsync(app);
            var filesBefore = AttachmentFiles();
            var form = await PublicFlows.ValidFormAsync(app, ("Input.Subject", "磁盘已满时提交的反映"));
            var refused = await PublicFlows.PostFileFormAsync(app.CreateBrowserClient(), form, ("meter.png", PublicFlows.Png));
            await AssertNothingSavedAsync(refused);
            Assert.Equal(casesBefore, await PublicFlows.CountCasesAsync(app));
            Assert.Equal(filesBefore, AttachmentFiles());

            // Without one: SQLite fills what is left of its log, then says SQLITE_FULL; every filing either
            // saved all of itself (a receipt) or nothing.
            var saved = 0;
            HttpResponseMessage? full = null;
            for (var i = 0; i < MaxFilingsUntilFull && full is null; i++)
            {
                var response = await PublicFlows.PostFileFormAsync(app.CreateBrowserClient(), form);
                if (response.StatusCode == HttpStatusCode.Redirect) saved++;
                else full = response;
            }
            Assert.NotNull(full);
            await AssertNothingSavedAsync(full);
            Assert.Equal(casesBefore + saved, await PublicFlows.CountCasesAsync(app));
            Assert.Equal(filesBefore, AttachmentFiles());

            Assert.Equal("Degraded", await app.CreateClient().GetStringAsync("/healthz"));
            await AssertReadsWorkAsync(app, trackingNumber, pin);
        }
        SqliteConnection.ClearAllPools();
        // As a crash on the full disk would leave it: the disk full and SQLite's log full of frames it cannot
        // copy back (the database file cannot grow), so that the next write of any kind fails.
        FillTheDisk();
        using var fullLog = FillSqliteLog(Path.Combine(_folder, "feedback.db"));

        // A restart on the full disk: nothing to migrate, so nothing to write, so it starts.
        using (var again = new FeedbackApp(settings))
        {
            await AssertReadsWorkAsync(again, trackingNumber, pin);
            Assert.Equal("Degraded", await again.CreateClient().GetStringAsync("/healthz"));
        }
    }

    private static async Task AssertNothingSavedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("存储空间已满，本次提交没有保存任何内容，请稍后再试。", html);
        Assert.Contains("value=\"磁盘已满时提交的反映\"", html);
    }

    private static async Task AssertReadsWorkAsync(FeedbackApp app, string trackingNumber, string pin)
    {
        var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublicFlows.TrackAsync(client, trackingNumber, pin)).StatusCode);
        Assert.Contains(trackingNumber, await client.GetHtmlAsync($"/Public/Case/{trackingNumber}"));
    }

    /// <summary>Every file under attachments/, part-files included.</summary>
    private List<string> AttachmentFiles()
    {
        var folder = Path.Combine(_folder, "attachments");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order().ToList() : [];
    }

    /// <summary>Writes a filler file until the file system refuses even one more page.</summary>
    private void FillTheDisk()
    {
        using var filler = new FileStream(Path.Combine(_folder, "filler.bin"), FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        foreach (var size in new[] { 1 << 20, 4096 })
        {
            var chunk = new byte[size];
            try
            {
                while (true) { filler.Write(chunk); filler.Flush(); }
            }
            catch (IOException) { /* full at this chunk size; try a smaller one */ }
        }
        Assert.True(new DriveInfo(_folder).AvailableFreeSpace < 4096, "the tmpfs should be full now");
    }

    /// <summary>
    /// Gives SQLite 2 MB back and writes new pages through a connection of its own until it says SQLITE_FULL: its
    /// log then holds frames for pages past the end of the database file, which no checkpoint can copy back while
    /// the disk is full, so the next write of any kind fails. The connection stays open (returned) so that closing
    /// it does not try a checkpoint.
    /// </summary>
    private SqliteConnection FillSqliteLog(string database)
    {
        using (var filler = new FileStream(Path.Combine(_folder, "filler.bin"), FileMode.Open, FileAccess.Write))
            filler.SetLength(filler.Length - (2 << 20));
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA wal_autocheckpoint = 0");
        if (TryExecute(connection, "CREATE TABLE IF NOT EXISTS test_disk_filler (x BLOB)"))
            while (TryExecute(connection, "INSERT INTO test_disk_filler VALUES (randomblob(3000))")) { }
        FillTheDisk();
        Assert.False(TryExecute(connection, "CREATE TABLE test_probe (x INTEGER)"), "a write should fail now");
        return connection;
    }

    private static bool TryExecute(SqliteConnection connection, string sql)
    {
        try
        {
            Execute(connection, sql);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 13)
        {
            return false;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} failed: {error}");
    }
}
