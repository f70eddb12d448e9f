namespace Feedback.Domain.Common;

/// <summary>One page of a list query, counted and cut in SQL.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}

/// <summary>The paging rules every list query shares: pages count from 1, page size within bounds.</summary>
public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    /// <summary>Keeps (page - 1) × size inside an int whatever a query string says.</summary>
    public const int MaxPage = 100_000;

    public static IEnumerable<ValidationError> Validate(int page, int pageSize)
    {
        if (page is < 1 or > MaxPage) yield return new("Page", "Validation.Invalid");
        if (pageSize is < 1 or > MaxPageSize) yield return new("PageSize", "Validation.Invalid");
    }

    public static int Skip(int page, int pageSize) => (page - 1) * pageSize;
}
