using Feedback.Domain.Data;
using Feedback.Domain.Routing;
using Feedback.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Domain.Organisation;

/// <summary>
/// The organisation's reference data as one read-only snapshot: departments, categories, areas, routing
/// rules and SLA policies. Every filing needs all of it, and it changes only when an admin edits it, so it
/// is read once and kept (registered as a singleton) until an admin command calls <see cref="Invalidate"/>.
/// </summary>
public sealed class OrganisationCache(IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile OrganisationSnapshot? _current;
    private int _generation;

    public async ValueTask<OrganisationSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } snapshot) return snapshot;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded) return loaded;
            var generation = Volatile.Read(ref _generation);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
            var fresh = new OrganisationSnapshot(
                await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Code).ToListAsync(cancellationToken),
                await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken),
                await db.ServiceAreas.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Code).ToListAsync(cancellationToken),
                await db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ToListAsync(cancellationToken),
                await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Order).ToListAsync(cancellationToken));
            // An Invalidate() while reading means an admin's change may have been missed: use the snapshot once, do not keep it.
            if (generation == Volatile.Read(ref _generation))
                _current = fresh;
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Call after changing departments, categories, areas, rules or policies.</summary>
    /// <remarks>Call it once the change is saved (e.g. from <c>db.SavedChanges</c>): earlier, a reader could cache the old rows again.</remarks>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }
}

public sealed class OrganisationSnapshot(
    IReadOnlyList<Department> departments,
    IReadOnlyList<Category> categories,
    IReadOnlyList<ServiceArea> areas,
    IReadOnlyList<RoutingRule> rules,
    IReadOnlyList<SlaPolicy> policies)
{
    private readonly Dictionary<Guid, Department> _departments = departments.ToDictionary(d => d.Id);
    private readonly Dictionary<Guid, Category> _categories = categories.ToDictionary(c => c.Id);
    private readonly Dictionary<Guid, ServiceArea> _areas = areas.ToDictionary(a => a.Id);

    public IReadOnlyList<Department> Departments { get; } = departments;
    public IReadOnlyList<Category> Categories { get; } = categories;
    public IReadOnlyList<ServiceArea> Areas { get; } = areas;
    public IReadOnlyList<RoutingRule> Rules { get; } = rules;
    public IReadOnlyList<SlaPolicy> Policies { get; } = policies;

    public Guid? IntegrityOfficeId { get; } = departments.FirstOrDefault(d => d.IsIntegrityOffice && d.IsActive)?.Id;

    public Department? Department(Guid? id) => id is { } key ? _departments.GetValueOrDefault(key) : null;
    public Category? Category(Guid id) => _categories.GetValueOrDefault(id);
    public ServiceArea? Area(Guid id) => _areas.GetValueOrDefault(id);

    public IEnumerable<Department> ActiveDepartments => Departments.Where(d => d.IsActive);
    public IEnumerable<Category> ActiveCategories => Categories.Where(c => c.IsActive);
    public IEnumerable<ServiceArea> ActiveAreas => Areas.Where(a => a.IsActive);
}
