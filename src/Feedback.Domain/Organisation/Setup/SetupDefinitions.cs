using Feedback.Domain.Cases;
using Feedback.Domain.Sla;

namespace Feedback.Domain.Organisation.Setup;

// What the content/setup files say, checked, before anything touches the database. Other files are
// referred to by code; SortOrder and Order follow the order of the lists in the files.

public sealed record DepartmentDefinition(string Code, string NameZh, string NameEn, bool IsIntegrityOffice, int SortOrder);

/// <summary>A category or a service area (AreaType matters only for areas).</summary>
public sealed record NamedDefinition(string Code, string NameZh, string NameEn, int SortOrder, AreaType AreaType = AreaType.Urban);

public sealed record RoutingRuleDefinition(
    string Name,
    int Order,
    bool Enabled,
    IReadOnlyList<CaseKind> Kinds,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<string> AreaCodes,
    IReadOnlyList<Channel> Channels,
    IReadOnlyList<string> Keywords,
    string DepartmentCode,
    Priority Priority,
    string? NameEn = null);

public sealed record SlaPolicyDefinition(
    string Name,
    int Order,
    IReadOnlyList<CaseKind> Kinds,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<Priority> Priorities,
    SlaTarget ContactBy,
    SlaTarget ResolveBy)
{
    public bool IsFallback => Kinds.Count == 0 && CategoryCodes.Count == 0 && Priorities.Count == 0;
}

/// <summary>A calendar file: its text (stored as is, so it can be shown and re-parsed) and what it says.</summary>
public sealed record CalendarDefinition(string FileName, string Content, CalendarFileData Data);
