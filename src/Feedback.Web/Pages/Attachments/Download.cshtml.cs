using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Web.Infrastructure.Files;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Attachments;

/// <summary>
/// GET /attachments/{id}: streams an attachment to those who may see its case (staff of the handling
/// department, the service centre, the submitter signed in or with the PIN cookie); 404 for everyone else.
/// Always a download with the type judged at upload, never rendered inline: a file cannot run as a page.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class DownloadModel(IMediator mediator, IAttachmentStore store, TrackedCasesCookie trackedCases, ILogger<DownloadModel> logger) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var attachment = await mediator.Send(new GetAttachment(id, trackedCases.Read(HttpContext)), cancellationToken);
        return this.Download(store, attachment.StorageKey, attachment.ContentType, attachment.FileName, logger);
    }
}
