namespace Feedback.Web.Pages.Admin.Organisation;

/// <summary>The model of _EntryFields: the editable fields shared by the add and edit forms.</summary>
/// <param name="IsActive">Null on the add form (a new entry is active).</param>
public sealed record EntryFields(string? NameZh, string? NameEn, int SortOrder, bool IsIntegrityOffice, bool? IsActive, bool IsDepartments);
