using Feedback.Domain.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Feedback.Web.Infrastructure.Files;

/// <summary>How every stored file (case attachment, measure evidence) leaves: as a download, never inline.</summary>
public static class StoredFileDownload
{
    /// <summary>
    /// Streams the file with the type judged at upload and "attachment; filename=…"; a key whose bytes are
    /// missing from the store is a 404 (logged), not a 500.
    /// </summary>
    public static IActionResult Download(this PageModel page, IAttachmentStore store, string storageKey, string contentType, string fileName, ILogger logger)
    {
        Stream content;
        try
        {
            content = store.OpenRead(storageKey);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogWarning("Stored file {StorageKey} is missing from the store", storageKey);
            return page.NotFound();
        }
        page.Response.Headers.XContentTypeOptions = "nosniff";
        return page.File(content, contentType, fileName);
    }
}
