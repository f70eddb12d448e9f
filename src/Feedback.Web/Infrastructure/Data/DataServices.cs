using System.Data.Common;
using System.Runtime.CompilerServices;
using Feedback.Domain.Data;
using Feedback.Web.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Feedback.Web.Infrastructure.Data;

public static class DataServices
{
    /// <summary>
    /// One SQLite file under data/ by default (ConnectionStrings:Feedback overrides it). WAL is switched on
    /// once at start-up (it is a property of the file); foreign keys and the rest are set once per physical
    /// connection (<see cref="SqlitePragmas"/>); this process's writers queue on <see cref="SqliteWriteGate"/>,
    /// and every connection still waits up to 5 s for a writer outside it (another process, a bulk update)
    /// instead of failing with "database is locked". <see cref="SqliteCheckpointer"/> copies the log back into
    /// the file in the background. See docs/decisions/0010 and 0016. <see cref="StorageHealth"/> makes /healthz say
    /// degraded when the data folder runs out of space (docs/decisions/0020).
    /// </summary>
    public static IServiceCollection AddFeedbackData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SqlitePragmas>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteCheckpointer>());
        services.AddSingleton<StorageHealth>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        services.AddSingleton<SqliteStatistics>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteStatistics>());
        services.AddDbContext<FeedbackDbContext>((provider, options) =>
        {
            var paths = provider.GetRequiredService<FeedbackPaths>();
            var connectionString = configuration.GetConnectionString("Feedback")
                ?? $"Data Source={Path.Combine(paths.DataPath, "feedback.db")}";
            options.UseSqlite(connectionString, sqlite =>
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

/// <summary>
/// Per-connection settings that SQLite does not keep in the file, applied once to each physical connection.
/// Microsoft.Data.Sqlite pools connections and EF opens and closes one around every query, so running them
/// on every logical open cost three statements per query; the settings survive in the pooled connection,
/// so a connection that already has them is not asked again. (The <c>Foreign Keys</c> connection-string
/// keyword would run its PRAGMA on every open too, so foreign keys are switched on here instead.)
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>
    /// <c>synchronous = NORMAL</c>: in WAL mode a commit is not synced to disk (only checkpoints are), and a
    /// power cut can lose the last commits but never corrupts the file. <c>wal_autocheckpoint</c>: the
    /// <see cref="SqliteCheckpointer"/> keeps the log short; a commit checkpoints (under the writer gate, with
    /// two fsyncs) only if the log grows past ~40 MB because the background loop fell behind.
    /// </summary>
    public const string PerConnection =
        "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 10000;";

    /// <summary>The native handles (one per physical connection) that have the settings.</summary>
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSettings(connection, out var handle)) return;
        using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSettings(connection, out var handle)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = PerConnection;
        await command.ExecuteNonQueryAsync(cancellationToken);
        _configured.AddOrUpdate(handle, handle);
    }

    /// <summary>The pool hands out the same native handle again; a handle that was closed and reopened is new.</summary>
    private bool NeedsSettings(DbConnection connection, out object handle)
    {
        handle = ((SqliteConnection)connection).Handle!;
        return !_configured.TryGetValue(handle, out _);
    }
}
