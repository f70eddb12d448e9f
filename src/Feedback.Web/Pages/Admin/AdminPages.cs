using System.Globalization;
using Feedback.Domain.Organisation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Feedback.Web.Pages.Admin;

/// <summary>What the admin pages share.</summary>
public static class AdminPages
{
    public static string Culture => CultureInfo.CurrentUICulture.Name;

    /// <summary>Active departments for a select; the current one stays listed even if it has been deactivated.</summary>
    public static List<SelectListItem> DepartmentOptions(OrganisationSnapshot organisation, Guid? current) =>
        organisation.Departments
            .Where(d => d.IsActive || d.Id == current)
            .Select(d => new SelectListItem(d.Name(Culture), d.Id.ToString(), d.Id == current))
            .ToList();
}
