using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Infrastructure.Data;

/// <summary>
/// Start-up: apply migrations, switch the file to WAL, then run the registered seeders (organisation from
/// content/setup, demo accounts) in order. Each seeder is idempotent.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(CancellationToken.None);
    }
}

/// <summary>Something that puts start-up data in place. Must be safe to run on every start.</summary>
public interface ISeeder
{
    int Order { get; }
    Task SeedAsync(CancellationToken cancellationToken);
}
