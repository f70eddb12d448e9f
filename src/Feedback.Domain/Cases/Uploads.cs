namespace Feedback.Domain.Cases;

/// <summary>Limits on attachments (DESIGN §7, issue "foundation"): at most 5 files, 10 MB each, images or PDF.</summary>
public static class UploadLimits
{
    public const int MaxFiles = Case.MaxAttachments;
    public const long MaxFileBytes = 10L * 1024 * 1024;
    /// <summary>The largest request body we accept: five full files plus the form.</summary>
    public const long MaxRequestBytes = MaxFiles * MaxFileBytes + 1024 * 1024;
}

/// <summary>A file as received, before it is checked and stored.</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenReadStream);

/// <summary>
/// What a file really is, judged by its first bytes (never by its name or the browser's claimed type).
/// Only the formats a photo or scanned letter comes in are accepted.
/// </summary>
public static class FileSignature
{
    private static readonly (string ContentType, string Extension, byte[] Magic)[] Known =
    [
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF]),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/gif", ".gif", "GIF8"u8.ToArray()),
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray()),
    ];

    public const int HeaderLength = 12;

    /// <returns>The content type and extension, or null when the bytes are none of the accepted formats.</returns>
    public static (string ContentType, string Extension)? Detect(ReadOnlySpan<byte> header)
    {
        foreach (var (contentType, extension, magic) in Known)
            if (header.StartsWith(magic))
                return (contentType, extension);
        // WebP: "RIFF" size "WEBP"
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
            return ("image/webp", ".webp");
        return null;
    }
}

/// <summary>Where attachment bytes live: outside wwwroot, reachable only through an access-checked download.</summary>
public interface IAttachmentStore
{
    /// <returns>The key to store on the case.</returns>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken);
    Stream OpenRead(string key);
    void Delete(string key);
}
