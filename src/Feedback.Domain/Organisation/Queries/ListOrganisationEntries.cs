using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Organisation.Queries;

/// <summary>Every entry of one list, active or not, in display order (the admin's view; the public sees the cache's active ones).</summary>
public sealed record ListOrganisationEntries(OrganisationList List) : IQuery<IReadOnlyList<OrganisationEntry>>, IAuthorizedMessage
{
    public bool IsAuthorizedFor(ICurrentUser user) => user.IsInRole(Roles.Admin);
}

public sealed record OrganisationEntry(Guid Id, string Code, string NameZh, string NameEn, int SortOrder, bool IsActive, bool IsIntegrityOffice)
{
    public string Name(string culture) => culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? NameEn : NameZh;
}

public sealed class ListOrganisationEntriesHandler(FeedbackDbContext db) : IQueryHandler<ListOrganisationEntries, IReadOnlyList<OrganisationEntry>>
{
    public async ValueTask<IReadOnlyList<OrganisationEntry>> Handle(ListOrganisationEntries query, CancellationToken cancellationToken) => query.List switch
    {
        OrganisationList.Departments => await db.Departments.AsNoTracking().OrderBy(e => e.SortOrder).ThenBy(e => e.Code)
            .Select(e => new OrganisationEntry(e.Id, e.Code, e.NameZh, e.NameEn, e.SortOrder, e.IsActive, e.IsIntegrityOffice))
            .ToListAsync(cancellationToken),
        OrganisationList.Categories => await ListAsync(db.Categories, cancellationToken),
        OrganisationList.ServiceAreas => await ListAsync(db.ServiceAreas, cancellationToken),
        _ => throw new NotFoundException(),
    };

    private static Task<List<OrganisationEntry>> ListAsync<T>(IQueryable<T> entries, CancellationToken cancellationToken) where T : NamedEntity =>
        entries.AsNoTracking().OrderBy(e => e.SortOrder).ThenBy(e => e.Code)
            .Select(e => new OrganisationEntry(e.Id, e.Code, e.NameZh, e.NameEn, e.SortOrder, e.IsActive, false))
            .ToListAsync(cancellationToken);
}
