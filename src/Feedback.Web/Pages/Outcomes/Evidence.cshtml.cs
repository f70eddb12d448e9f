using Feedback.Domain.Cases;
using Feedback.Domain.Rectification.Queries;
using Feedback.Web.Infrastructure.Files;
using Feedback.Web.Infrastructure.Public;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Outcomes;

/// <summary>GET /evidence/{id}: a measure's evidence file, for those who may see the case (as /attachments/{id}).</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class EvidenceModel(IMediator mediator, IAttachmentStore store, TrackedCasesCookie trackedCases, ILogger<EvidenceModel> logger) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var evidence = await mediator.Send(new GetMeasureEvidence(id, trackedCases.Read(HttpContext)), cancellationToken);
        return this.Download(store, evidence.StorageKey, evidence.ContentType, evidence.FileName, logger);
    }
}
