using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Web;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Infrastructure.Public;

/// <summary>
/// A case as its submitter sees it, with what they may do now (write a message, answer a request for
/// information, confirm or reject the resolution). Shared by the tracking page (proof: the PIN cookie) and "my cases" (proof: the
/// signed-in owner); the view is Pages/Shared/_SubmitterCase.cshtml. Every action sends the proof again
/// and the domain checks it.
/// </summary>
// Writing to a case (a message with files, the verdicts) counts against the tracking budget per client address;
// showing the page is free (RateLimits).
[EnableRateLimiting(RateLimits.Tracking)]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public abstract class SubmitterCasePageModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public const string DoneMessageKey = "Public.Case.Done";

    public string FormPrefix => "Input";

    [BindProperty]
    public CaseActionInput Input { get; set; } = new();

    public SubmitterCaseView Case { get; private set; } = null!;
    public OrganisationSnapshot Organisation { get; private set; } = null!;
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    /// <summary>The resource key of what was just done (set before the redirect, shown once).</summary>
    [TempData(Key = DoneMessageKey)]
    public string? DoneMessage { get; set; }

    /// <summary>What this page holds to show the caller is the submitter.</summary>
    protected abstract SubmitterProof Proof { get; }

    /// <summary>The same proof, for the parts of the page that load their own data (the rectification record).</summary>
    public SubmitterProof CallerProof => Proof;

    /// <summary>What a caller who may not see the case gets (never a hint that it exists).</summary>
    protected abstract IActionResult CannotSee(string trackingNumber);

    public async Task<IActionResult> OnGetAsync(string trackingNumber, CancellationToken cancellationToken) =>
        await LoadAsync(trackingNumber, cancellationToken) ? Page() : CannotSee(trackingNumber);

    public Task<IActionResult> OnPostProvideInformationAsync(string trackingNumber, CancellationToken cancellationToken) =>
        ActAsync(trackingNumber, view => new ProvideInformation(view.Id, Proof, Input.Answer ?? "", Input.Attachments.ToUploadedFiles()),
            "Public.Case.InformationSent", cancellationToken);

    public Task<IActionResult> OnPostMessageAsync(string trackingNumber, CancellationToken cancellationToken) =>
        ActAsync(trackingNumber, view => new AddCustomerMessage(view.Id, Proof, Input.Message ?? "", Input.Attachments.ToUploadedFiles()),
            "Public.Case.MessageSent", cancellationToken);

    public Task<IActionResult> OnPostConfirmAsync(string trackingNumber, CancellationToken cancellationToken) =>
        ActAsync(trackingNumber, view => new ConfirmResolution(view.Id, Proof, Input.Comment), "Public.Case.Confirmed", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(string trackingNumber, CancellationToken cancellationToken) =>
        ActAsync(trackingNumber, view => new RejectResolution(view.Id, Proof, Input.Reason ?? ""), "Public.Case.Rejected", cancellationToken);

    private async Task<IActionResult> ActAsync(string trackingNumber, Func<SubmitterCaseView, ICommand<CaseStatus>> command, string doneKey,
        CancellationToken cancellationToken)
    {
        // Loaded first, so that a refused action shows the page again as it was (DomainExceptionPageFilter).
        if (!await LoadAsync(trackingNumber, cancellationToken))
            return CannotSee(trackingNumber);
        if (!ModelState.IsValid)
            return this.InvalidPage();
        await mediator.Send(command(Case), cancellationToken);
        DoneMessage = doneKey;
        return RedirectToPage(new { trackingNumber = Case.TrackingNumber });
    }

    private async Task<bool> LoadAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        try
        {
            Case = await mediator.Send(new GetSubmitterCase(trackingNumber, Proof), cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>The small forms of the page; field names match the commands' so errors land next to them.</summary>
    public sealed class CaseActionInput
    {
        public string? Answer { get; set; }
        public string? Message { get; set; }
        public string? Comment { get; set; }
        public string? Reason { get; set; }
        public List<IFormFile> Attachments { get; set; } = [];
    }
}
