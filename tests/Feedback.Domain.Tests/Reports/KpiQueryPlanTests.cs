using System.Data.Common;
using Feedback.Domain.Reporting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Feedback.Domain.Tests.Reports.KpiWorld;

namespace Feedback.Domain.Tests.Reports;

/// <summary>
/// Every statement the KPIs run reads a range of an index, never a whole table or index: a month costs the
/// same however many cases came before it. Each statement EF sends is captured and explained by SQLite with
/// its own parameters (the plan depends on the SQL, not on how many rows there are).
/// </summary>
public sealed class KpiQueryPlanTests : IDisposable
{
    private static readonly ReportMonth March = new(2026, 3);
    private readonly KpiWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task EveryKpiStatement_SearchesAnIndexRange()
    {
        _world.File(At(3, 2));
        _world.Save();
        var recorder = new StatementRecorder();
        await using (var db = _world.Database.NewContext(recorder))
        {
            var calculator = new KpiCalculator(db);
            var window = KpiWindow.For(March, Shanghai, At(4, 10));
            await calculator.CellsAsync(window, KpiFilter.All);
            await calculator.ResolutionP90HoursAsync(window, KpiFilter.All, [KpiDimension.Department]);
            await calculator.ReviewsAsync(window);
        }

        Assert.True(recorder.Statements.Count >= 12, $"{recorder.Statements.Count} statements");
        foreach (var statement in recorder.Statements)
        {
            var plan = await ExplainAsync(statement);
            // A SCAN reads all of a table or index ("SCAN c", "SCAN c USING COVERING INDEX …"); a SEARCH reads a range.
            // The one SCAN allowed is of the list an IN (subquery) built ("SCAN c0" inside "LIST SUBQUERY").
            var scans = plan.Where(step => step.StartsWith("SCAN ") && !step.Contains("SUBQUERY")).ToList();
            Assert.True(scans.Count == 0, $"{statement.CommandText}\n→ {string.Join(" | ", plan)}");
            // And the range is bounded: an equality, or a lower and an upper bound ("(SubmittedAt<?)" alone would
            // read every case ever filed before the month).
            var unbounded = plan.Where(step => step.StartsWith("SEARCH ") && !Bounded(step)).ToList();
            Assert.True(unbounded.Count == 0, $"{statement.CommandText}\n→ {string.Join(" | ", plan)}");
        }
    }

    private static bool Bounded(string step)
    {
        var constraint = step[(step.LastIndexOf('(') + 1)..];
        return constraint.Contains("=?") || (constraint.Contains(">?") && constraint.Contains("<?"));
    }

    private async Task<List<string>> ExplainAsync(DbCommand statement)
    {
        await using var db = _world.Database.NewContext();
        var connection = (SqliteConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.CommandText;
        foreach (DbParameter parameter in statement.Parameters)
            command.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }

    /// <summary>Copies of the commands EF sends (text and parameter values), to explain afterwards.</summary>
    private sealed class StatementRecorder : DbCommandInterceptor
    {
        public List<DbCommand> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var copy = new SqliteCommand(command.CommandText);
            foreach (SqliteParameter parameter in command.Parameters)
                copy.Parameters.AddWithValue(parameter.ParameterName, parameter.Value);
            Statements.Add(copy);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
