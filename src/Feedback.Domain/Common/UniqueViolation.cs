using Microsoft.Data.Sqlite;

namespace Feedback.Domain.Common;

/// <summary>Recognises a save refused by a unique index (SQLITE_CONSTRAINT_UNIQUE) wherever EF Core wrapped it.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;

    public static bool Explains(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique })
                return true;
        return false;
    }
}
