using Microsoft.AspNetCore.Mvc.Rendering;

namespace Feedback.Web.Pages.Admin.Users;

/// <summary>The model of _RoleFields: which roles are ticked and which departments can be chosen.</summary>
public sealed record RoleFields(IReadOnlyCollection<string> Roles, IReadOnlyList<SelectListItem> Departments);
