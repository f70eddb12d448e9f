using Feedback.Domain.Cases;
using Feedback.Domain.Rectification.Queries;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Outcomes;

/// <summary>
/// GET /evidence/{id}: a measure's evidence file, for those who may see the case (as /attachments/{id});
/// always a download, never rendered inline.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class EvidenceModel(IMediator mediator, IAttachmentStore store, TrackedCasesCookie trackedCases) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var evidence = await mediator.Send(new GetMeasureEvidence(id, trackedCases.Read(HttpContext)), cancellationToken);
        Stream content;
        try
        {
            content = store.OpenRead(evidence.StorageKey);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, evidence.ContentType, evidence.FileName);
    }
}
