using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

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

    /// <summary>Whether a receipt with its PIN for <paramref name="trackingNumber"/> waits in TempData, not shown yet (read without consuming it).</summary>
    public static bool IsWaiting(ITempDataDictionary tempData, string trackingNumber) =>
        tempData.Peek(TempDataKey) is string json && JsonSerializer.Deserialize<FiledReceipt>(json) is { AlreadyFiled: false } waiting
        && waiting.TrackingNumber == trackingNumber;

    public void OnGet()
    {
        if (TempData[TempDataKey] is string json)
            Receipt = JsonSerializer.Deserialize<FiledReceipt>(json);
    }
}
