using Feedback.Domain.Common;
using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Organisation;
using Feedback.Web.Infrastructure.Web;
using Feedback.Web.Pages.CaseWork;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Dispatch;

/// <summary>
/// A dispatcher files a case for a caller (hotline, service hall, letter, email): the public form's fields
/// plus the channel. On success the case page shows the tracking number and PIN to read out, once.
/// </summary>
public sealed class FileModel(IMediator mediator, OrganisationCache organisation) : PageModel, IFormPrefix
{
    public string FormPrefix => nameof(Input);

    [BindProperty] public InputModel Input { get; set; } = new();

    public OrganisationSnapshot Organisation { get; private set; } = null!;

    public sealed class InputModel
    {
        public Channel Channel { get; set; } = Channel.Hotline;
        public CaseKind Kind { get; set; } = CaseKind.Complaint;
        public Guid? CategoryId { get; set; }
        public Guid? ServiceAreaId { get; set; }
        public Guid? AccusedDepartmentId { get; set; }
        public string? Subject { get; set; }
        public string? Description { get; set; }
        public bool IsAnonymous { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? ContactEmail { get; set; }
        public string? ContactAddress { get; set; }
        public string? CustomerNumber { get; set; }
        /// <summary>The caller's language: their emails are written in it.</summary>
        public string? Culture { get; set; }
        public List<IFormFile> Attachments { get; set; } = [];
        /// <summary>Rendered with the form (<see cref="Domain.Cases.SubmissionKey"/>): the same form sent twice files one case.</summary>
        public string? SubmissionKey { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        Input.Culture = CultureInfo.CurrentUICulture.Name;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Organisation = await organisation.GetAsync(cancellationToken);
        // The public channel would file the case as the dispatcher's own; only the service centre's channels fit.
        // (Shown by the page filter next to the field, 400, like the command's own errors.)
        if (!SubmitCase.DispatcherChannels.Contains(Input.Channel))
            throw new ValidationException([new(nameof(Input.Channel), "Validation.Invalid")]);
        if (!ModelState.IsValid)
            throw new ValidationException([]);

        var receipt = await mediator.Send(new SubmitCase(
            Input.Kind, Input.Channel, Input.CategoryId ?? Guid.Empty, Input.ServiceAreaId ?? Guid.Empty,
            Input.Subject ?? "", Input.Description ?? "", Input.IsAnonymous,
            Input.ContactName, Input.ContactPhone, Input.ContactEmail, Input.ContactAddress, Input.CustomerNumber,
            Input.Culture ?? CultureInfo.CurrentUICulture.Name,
            Input.Attachments.Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList(),
            Input.Kind == CaseKind.Report ? Input.AccusedDepartmentId : null, SubmissionKey: Input.SubmissionKey), cancellationToken);

        // The form sent again: the first answer's number and PIN, if still waiting unseen in TempData (a double
        // click cut off its redirect), stay to be shown; otherwise the case page says it was filed before.
        if (receipt.AlreadyFiled)
        {
            if (!Equals(TempData.Peek(CaseModel.ReceiptNumberKey), receipt.TrackingNumber))
                TempData[CaseModel.FlashKey] = "Staff.File.AlreadyFiled";
        }
        else
        {
            TempData[CaseModel.ReceiptNumberKey] = receipt.TrackingNumber;
            TempData[CaseModel.ReceiptPinKey] = receipt.AccessPin;
            TempData[CaseModel.FlashKey] = "Staff.File.Done";
        }
        return Redirect($"/Staff/Case/{receipt.CaseId}");
    }
}
