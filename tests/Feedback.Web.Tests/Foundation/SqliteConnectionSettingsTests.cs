using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Data;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Data;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Foundation;

/// <summary>
/// The per-connection settings are applied once per physical connection (SqlitePragmas), so they must hold
/// on every connection the pool hands out — reused, opened side by side, or opened anew after the pool was
/// emptied — and the background checkpointer must copy the write-ahead log into the file.
/// </summary>
public sealed class SqliteConnectionSettingsTests(FeedbackAppFixture fixture) : IClassFixture<FeedbackAppFixture>
{
    private FeedbackApp App => fixture.App;

    [Fact]
    public async Task Every_connection_the_pool_hands_out_has_foreign_keys_normal_sync_and_a_busy_timeout()
    {
        // Start the app first: WebApplicationFactory starts its host on first use, and not thread-safely.
        _ = App.Services;
        // Side by side: the pool has to open several physical connections.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(SettingsOfAFreshContextAsync)));
        // One after another: the same physical connections come back from the pool.
        var reused = new List<ConnectionSettings>();
        for (var i = 0; i < 6; i++)
            reused.Add(await SettingsOfAFreshContextAsync());
        // After the pool was emptied, every connection is new.
        SqliteConnection.ClearAllPools();
        var renewed = await SettingsOfAFreshContextAsync();

        foreach (var settings in concurrent.Concat(reused).Append(renewed))
            Assert.Equal(new ConnectionSettings("wal", ForeignKeys: 1, Synchronous: 1, BusyTimeout: 5000), settings);
    }

    [Fact]
    public async Task The_checkpointer_copies_the_whole_log_into_the_database_file()
    {
        await App.SendAsync(null, await AnyComplaintAsync());

        var checkpointer = App.Services.GetRequiredService<SqliteCheckpointer>();
        var result = await checkpointer.CheckpointAsync();
        // The background loop may be checkpointing at this very moment; then this one reports busy.
        for (var attempt = 0; result.busy != 0 && attempt < 20; attempt++)
            result = await checkpointer.CheckpointAsync();

        Assert.Equal(0, result.busy);
        Assert.Equal(result.log, result.checkpointed);
    }

    private async Task<ConnectionSettings> SettingsOfAFreshContextAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            async Task<object?> PragmaAsync(string name)
            {
                command.CommandText = $"PRAGMA {name};";
                return await command.ExecuteScalarAsync();
            }
            return new ConnectionSettings((string)(await PragmaAsync("journal_mode"))!, (long)(await PragmaAsync("foreign_keys"))!,
                (long)(await PragmaAsync("synchronous"))!, (long)(await PragmaAsync("busy_timeout"))!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record ConnectionSettings(string JournalMode, long ForeignKeys, long Synchronous, long BusyTimeout);

    private async Task<SubmitCase> AnyComplaintAsync()
    {
        var org = await App.Services.GetRequiredService<OrganisationCache>().GetAsync();
        return new SubmitCase(CaseKind.Complaint, Channel.Web, org.Categories[0].Id, org.Areas[0].Id, "检查点",
            "电费异常，请核实。", false, "张三", "13812345678", null, null, null, "zh-CN", []);
    }

    [Fact]
    public async Task Query_statistics_are_gathered_for_the_case_indexes()
    {
        await App.SendAsync(null, await AnyComplaintAsync());
        await App.Services.GetRequiredService<SqliteStatistics>().RefreshAsync();

        var analysed = await App.DbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT idx AS Value FROM sqlite_stat1 WHERE tbl = 'Cases' AND idx IS NOT NULL").ToListAsync());
        Assert.Contains("IX_Cases_SubmittedAt_Kind_IsRepeatComplaint_DepartmentId_CategoryId_ServiceAreaId", analysed);
    }

}
