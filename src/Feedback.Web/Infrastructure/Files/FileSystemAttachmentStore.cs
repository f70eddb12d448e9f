using Feedback.Domain.Cases;
using Feedback.Web.Infrastructure.Web;

namespace Feedback.Web.Infrastructure.Files;

/// <summary>Attachments as files under data/attachments/yyyy/MM/, named by a random id (never the uploader's name).</summary>
public sealed class FileSystemAttachmentStore(FeedbackPaths paths, TimeProvider clock) : IAttachmentStore
{
    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
    }

    private string PathOf(string key)
    {
        // Keys are ours, but never let one escape the attachments folder.
        var full = Path.GetFullPath(Path.Combine(paths.AttachmentsPath, key));
        if (!full.StartsWith(paths.AttachmentsPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("Attachment key outside the store.");
        return full;
    }
}
