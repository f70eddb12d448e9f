using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Localization;
using Feedback.Web.Infrastructure.Public;
using Feedback.Web.Infrastructure.Web;
using Feedback.Domain.Supervision.Queries;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Feedback.Web.Pages.Public;

/// <summary>
/// 我要反映: anyone files a complaint, suggestion, report or praise (channel Web), anonymously or with contact
/// details, with up to five photos or PDFs. Success redirects to the receipt (POST-redirect-GET); the PIN
/// travels there in TempData (an encrypted cookie), never in the URL.
/// </summary>
[EnableRateLimiting(RateLimits.Filing)]
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class FileModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public string FormPrefix => "Input";

    [BindProperty]
    public FileInput Input { get; set; } = new();

    public OrganisationSnapshot Organisation { get; private set; } = null!;
    /// <summary>The active service halls and payment points, for "which one is it about" (optional).</summary>
    public IReadOnlyList<ServicePointRow> ServicePoints { get; private set; } = [];
    public string Culture { get; } = StringCatalog.NormaliseCulture(CultureInfo.CurrentUICulture.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        ServicePoints = await mediator.Send(new ListServicePoints(), cancellationToken);
        if (User.Identity?.IsAuthenticated == true)
        {
            Input.ContactName = User.FindFirstValue(HttpCurrentUser.DisplayNameClaim);
            Input.ContactEmail = User.FindFirstValue(ClaimTypes.Email);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        ServicePoints = await mediator.Send(new ListServicePoints(), cancellationToken);
        if (!ModelState.IsValid)
            return this.InvalidPage();

        var receipt = await mediator.Send(new SubmitCase(
            Input.Kind, Channel.Web, Input.CategoryId ?? Guid.Empty, Input.ServiceAreaId ?? Guid.Empty,
            Input.Subject ?? "", Input.Description ?? "", Input.IsAnonymous,
            Input.ContactName, Input.ContactPhone, Input.ContactEmail, Input.ContactAddress, Input.CustomerNumber,
            Culture, Input.Attachments.ToUploadedFiles(), Input.AccusedDepartmentId, Input.ServicePointId, Input.SubmissionKey), cancellationToken);

        // The form sent again: if the first answer's receipt (with the PIN) is still waiting in this browser's
        // TempData, unseen (a double click cut off the redirect), leave it there to be shown; otherwise the
        // receipt says it was filed before, without a PIN.
        if (!receipt.AlreadyFiled || !ReceiptModel.IsWaiting(TempData, receipt.TrackingNumber))
            TempData[ReceiptModel.TempDataKey] = JsonSerializer.Serialize(new FiledReceipt(
                receipt.TrackingNumber, receipt.AccessPin, receipt.ContactBy, receipt.ResolveBy, !string.IsNullOrWhiteSpace(Input.ContactEmail), receipt.AlreadyFiled));
        return RedirectToPage("/Public/Receipt");
    }

    /// <summary>Field names match <see cref="SubmitCase"/>'s, so its validation errors land next to the right field.</summary>
    public sealed class FileInput
    {
        [BindRequired]
        public CaseKind Kind { get; set; } = CaseKind.Complaint;
        public Guid? CategoryId { get; set; }
        public Guid? ServiceAreaId { get; set; }
        public Guid? AccusedDepartmentId { get; set; }
        public Guid? ServicePointId { get; set; }
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public bool IsAnonymous { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactAddress { get; set; }
        public string? CustomerNumber { get; set; }
        public List<IFormFile> Attachments { get; set; } = [];
        /// <summary>Rendered with the form (<see cref="Domain.Cases.SubmissionKey"/>): the same form sent twice files one case.</summary>
        public string? SubmissionKey { get; set; }
    }
}

/// <summary>
/// What the receipt page shows once. Kept in TempData between the POST and the redirect. <see cref="AlreadyFiled"/>:
/// the same form had been sent before; the PIN is empty (it was shown with the first answer).
/// </summary>
public sealed record FiledReceipt(string TrackingNumber, string AccessPin, DateTimeOffset? ContactBy, DateTimeOffset? ResolveBy, bool EmailSent, bool AlreadyFiled = false);
