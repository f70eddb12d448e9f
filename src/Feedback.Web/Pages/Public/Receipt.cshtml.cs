using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Pages.Public;

/// <summary>
/// The receipt after filing: tracking number, PIN (shown this once), the commitment deadlines and how to
/// follow the case. Read from TempData, so a reload or a shared link shows no PIN.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ReceiptModel : PageModel
{
    public const string TempDataKey = "Public.Receipt";

    public FiledReceipt? Receipt { get; private set; }

    public void OnGet()
    {
        if (TempData[TempDataKey] is string json)
            Receipt = JsonSerializer.Deserialize<FiledReceipt>(json);
    }
}
