using System.Diagnostics;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Feedback.Web.Tests.Reports;

/// <summary>
/// <c>seed-demo</c> as a person runs it: the built app, started as a process on an empty data folder, fills a
/// real SQLite file with case histories of every kind and what their lives produce, freezes the past months
/// and says how long it took.
/// </summary>
public sealed class DemoDataTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("feedback-seed-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task SeedDemo_WritesRealisticHistories_FreezesPastMonths_AndReportsItsTime()
    {
        var output = await RunAsync("seed-demo", "--cases", "1500", "--months", "3");

        Assert.Contains("Cases written in", output);
        Assert.Matches(@"Done in \d+(\.\d)? s\. Database .*feedback\.db: \d+(\.\d)? MB\.", output);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(_data, "feedback.db")};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        Assert.Equal(1500, await ScalarAsync(db, "SELECT COUNT(*) FROM Cases"));
        // Every kind, and cases in every stage of their life.
        Assert.Equal(5, await ScalarAsync(db, "SELECT COUNT(DISTINCT Kind) FROM Cases"));
        foreach (var status in new[] { "InProgress", "Resolved", "Closed", "Rejected" })
            Assert.True(await ScalarAsync(db, $"SELECT COUNT(*) FROM Cases WHERE Status = '{status}'") > 0, status);
        // Deadlines met and missed.
        Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM Cases WHERE ResolvedAt <= OriginalResolveBy") > 0);
        Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM Cases WHERE ResolvedAt > OriginalResolveBy") > 0);
        // Timelines, surveys answered and not, rectifications with measures, decisions, the reviews behind findings.
        Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM CaseEvents") > 3 * 1500);
        Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM Surveys WHERE AnsweredAt IS NOT NULL") > 0);
        Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM Surveys WHERE AnsweredAt IS NULL") > 0);
        Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM RectificationMeasures WHERE Status = 'Done'") > 0);
        Assert.True(await ScalarAsync(db, "SELECT COUNT(*) FROM SuggestionDecisions WHERE Verdict = 'Adopted'") > 0);
        Assert.Equal(await ScalarAsync(db, "SELECT COUNT(*) FROM Cases WHERE Kind = 'SupervisionFinding'"),
            await ScalarAsync(db, "SELECT COUNT(*) FROM ReviewFindings"));
        // The three whole months before this one are frozen; this month stays live.
        Assert.Equal(3, await ScalarAsync(db, "SELECT COUNT(*) FROM MonthlyReports"));
        // Nothing was queued to be mailed to the demo customers.
        Assert.Equal(0, await ScalarAsync(db, "SELECT COUNT(*) FROM OutboxMessages"));
    }

    [Fact]
    public async Task SeedDemo_WithABadCount_SaysWhatIsAllowed_AndWritesNoCase()
    {
        var (exitCode, output) = await RunProcessAsync("seed-demo", "--cases", "lots");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--cases needs a whole number from 1 to 5000000", output);
        var file = Path.Combine(_data, "feedback.db");
        if (File.Exists(file))
        {
            await using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await db.OpenAsync();
            Assert.Equal(0, await ScalarAsync(db, "SELECT COUNT(*) FROM Cases"));
        }
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var (exitCode, output) = await RunProcessAsync(args);
        Assert.True(exitCode == 0, output);
        return output;
    }

    private async Task<(int ExitCode, string Output)> RunProcessAsync(params string[] args)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(app)! };
        start.ArgumentList.Add(app);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Feedback__DataPath"] = _data;
        start.Environment["Feedback__ContentPath"] = Path.Combine(FeedbackApp.RepositoryRoot, "content");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task<long> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
