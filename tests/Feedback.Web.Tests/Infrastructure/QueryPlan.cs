using Feedback.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Infrastructure;

/// <summary>SQLite's query plan for a LINQ query, to check that lists and scans find their rows through an index.</summary>
public static class QueryPlan
{
    /// <summary>The plan's steps for SQL as EF's ToQueryString prints it (".param set" lines, then the statement).</summary>
    public static async Task<List<string>> ExplainAsync(FeedbackDbContext db, string printed)
    {
        var lines = printed.Split('\n');
        await db.Database.OpenConnectionAsync();
        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        foreach (var line in lines.Where(l => l.StartsWith(".param set ")))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            command.Parameters.AddWithValue(parts[0], parts[1].Trim().Trim('\''));
        }
        // What follows the statement is EF's note about split queries, not SQL.
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ")).TakeWhile(l => !l.StartsWith("This LINQ query")));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }
}
