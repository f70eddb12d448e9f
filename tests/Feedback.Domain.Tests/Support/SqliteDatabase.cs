using Feedback.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Feedback.Domain.Tests.Support;

/// <summary>
/// A fresh in-memory SQLite database for one test. The connection stays open for the test's lifetime
/// (the database lives as long as it does); every context made here shares it.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteDatabase()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public FeedbackDbContext NewContext(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<FeedbackDbContext>().UseSqlite(_connection).AddInterceptors(interceptors).Options);

    public void Dispose() => _connection.Dispose();
}
