using System.Data.Common;
using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Feedback.Web.Infrastructure.Data;

public static class DataServices
{
    /// <summary>
    /// One SQLite file under data/ by default (ConnectionStrings:Feedback overrides it). Foreign keys on;
    /// WAL is switched on once at start-up (it is a property of the file); this process's writers queue on
    /// <see cref="SqliteWriteGate"/>, and every connection still waits up to 5 s for a writer outside it
    /// (another process, a bulk update) instead of failing with "database is locked".
    /// </summary>
    public static IServiceCollection AddFeedbackData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddDbContext<FeedbackDbContext>((provider, options) =>
        {
            var paths = provider.GetRequiredService<FeedbackPaths>();
            var connectionString = configuration.GetConnectionString("Feedback")
                ?? $"Data Source={Path.Combine(paths.DataPath, "feedback.db")}";
            options.UseSqlite(connectionString + ";Foreign Keys=True", sqlite =>
            {
                sqlite.MigrationsAssembly(typeof(FeedbackDbContext).Assembly.GetName().Name);
                sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
            });
            options.AddInterceptors(provider.GetRequiredService<SqlitePragmas>(), provider.GetRequiredService<SqliteWriteGate>());
        });
        // The keys that sign cookies (sign-in, PIN proof, TempData, antiforgery) live beside the database, so a
        // restart or a new release does not sign everybody out or break half-filled forms.
        services.AddDataProtection().SetApplicationName("Feedback");
        services.AddOptions<KeyManagementOptions>().Configure<FeedbackPaths, ILoggerFactory>((options, paths, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(paths.KeysPath), logs));
        return services;
    }
}

/// <summary>Per-connection settings that SQLite does not keep in the file.</summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
