using Microsoft.Data.Sqlite;

namespace Feedback.Domain.Common;

/// <summary>
/// Recognises a save refused by a unique index or a primary key (SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY) wherever
/// EF Core wrapped it.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public static bool Explains(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey })
                return true;
        return false;
    }
}
