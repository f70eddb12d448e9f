using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Start-up: apply the migrations that are pending (<see cref="StartupMigrations"/>: none written when none are
/// pending, and a lock left by a crashed migration taken over), switch the file to WAL, then run the registered
/// seeders (organisation from content/setup, demo accounts) in order. Each seeder is idempotent. Unfinished
/// attachment uploads from an earlier run are removed.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await StartupMigrations.MigrateAsync(db, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupMigrations)));
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(CancellationToken.None);
        (app.Services.GetRequiredService<IAttachmentStore>() as FileSystemAttachmentStore)?.RemoveLeftoverUploads();
    }
}

/// <summary>Something that puts start-up data in place. Must be safe to run on every start.</summary>
public interface ISeeder
{
    int Order { get; }
    Task SeedAsync(CancellationToken cancellationToken);
}
