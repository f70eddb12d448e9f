using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Publishing.Queries;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.CaseWork;

/// <summary>
/// /Staff/Approvals (待审批公示): the public notices waiting for a department head's approval, oldest first,
/// each linking to the case's outcome page where the head approves or returns it; with the department's
/// overdue rectification measures in the header. Admins see every department's list (without case texts).
/// </summary>
[Authorize(Roles = $"{Roles.DepartmentHead},{Roles.Admin}")]
public sealed class ApprovalsModel(IMediator mediator, OrganisationCache organisation) : PageModel
{
    public OutcomeApprovalInbox Inbox { get; private set; } = new(new([], 1, Paging.DefaultPageSize, 0), []);
    public OrganisationSnapshot Organisation { get; private set; } = null!;

    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        if (!ModelState.IsValid)
            throw new ValidationException([]);
        Inbox = await mediator.Send(new ListOutcomeApprovals(PageNumber), cancellationToken);
        return Page();
    }

    // "page" is Razor Pages' own route value: the page number goes in the query string by hand.
    public static string LinkTo(int page) => page == 1 ? "/Staff/Approvals" : $"/Staff/Approvals?page={page}";
}
