using System.Net;
using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Feedback.Web.Tests.Foundation;

/// <summary>
/// A process killed (kill -9) while it migrates leaves EF Core's SQLite lock row behind, which never expires;
/// the next start must take it over instead of waiting for ever.
/// </summary>
public sealed class StaleMigrationLockTests : IDisposable
{
    /// <summary>Generous: a start takes seconds; without the take-over it never ends.</summary>
    private static readonly TimeSpan StartDeadline = TimeSpan.FromMinutes(3);

    private readonly FeedbackApp _app = new();

    public void Dispose() => _app.Dispose();

    private string DatabasePath => Path.Combine(_app.DataPath, "feedback.db");

    [Fact]
    public async Task ALockRowLeftByAProcessKilledMidMigration_DoesNotBlockTheNextStart()
    {
        // What a kill -9 after the first migration leaves: one migration applied, EF's lock row still there.
        await using (var db = new FeedbackDbContext(new DbContextOptionsBuilder<FeedbackDbContext>().UseSqlite($"Data Source={DatabasePath}").Options))
        {
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first);
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TABLE IF NOT EXISTS \"{StartupMigrations.EfLockTable}\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);" +
                $"INSERT INTO \"{StartupMigrations.EfLockTable}\" (\"Id\", \"Timestamp\") VALUES (1, '2026-11-30 09:15:00.0000000+00:00');");
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
        }
        SqliteConnection.ClearAllPools();

        var client = await Task.Run(() => _app.CreateClient()).WaitAsync(StartDeadline);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await _app.DbAsync(async db =>
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{StartupMigrations.EfLockTable}\"").SingleAsync());
            return 0;
        });
    }

    [Fact]
    public async Task AStartWithNothingToMigrate_TakesNoLock()
    {
        var folder = Path.Combine(Path.GetTempPath(), "feedback-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Feedback:DataPath"] = folder };
        try
        {
            using (var first = new FeedbackApp(settings))
                first.CreateClient();
            SqliteConnection.ClearAllPools();
            var lockFile = Path.Combine(folder, "feedback.db" + StartupMigrations.LockFileSuffix);
            Assert.True(File.Exists(lockFile), "the first start migrated under the file lock");
            File.Delete(lockFile);

            using var again = new FeedbackApp(settings);
            Assert.Equal(HttpStatusCode.OK, (await again.CreateClient().GetAsync("/")).StatusCode);

            Assert.False(File.Exists(lockFile));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* the OS temp cleaner gets it */ }
        }
    }
}
