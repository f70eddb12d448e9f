using Feedback.Domain.Cases;
using Feedback.Web.Infrastructure.Web;

namespace Feedback.Web.Infrastructure.Files;

/// <summary>
/// Attachments as files under data/attachments/yyyy/MM/, named by a random id (never the uploader's name).
/// A file is written under a temporary name in data/attachments/.incoming/ and renamed into place only once
/// it is complete: a write that fails (a full disk) removes its part-file at once, and one left by a crash
/// is removed at the next start (<see cref="RemoveLeftoverUploads"/>), so no partial file stays behind.
/// </summary>
public sealed class FileSystemAttachmentStore(FeedbackPaths paths, TimeProvider clock, ILogger<FileSystemAttachmentStore> logger) : IAttachmentStore
{
    private const string IncomingFolder = ".incoming";

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}{extension}";
        var path = PathOf(key);
        var incoming = IncomingPath(Path.GetFileName(path) + ".part");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(incoming)!);
            await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(incoming, path);
        }
        catch
        {
            TryDelete(incoming);
            throw;
        }
        return key;
    }

    public Stream OpenRead(string key) => new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>At start-up, before any upload: part-files are from writes that never finished (a crash mid-upload).</summary>
    public void RemoveLeftoverUploads()
    {
        var folder = IncomingPath("");
        if (!Directory.Exists(folder)) return;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.part"))
            if (TryDelete(file)) removed++;
        if (removed > 0)
            logger.LogWarning("Removed {Count} unfinished attachment uploads left by an earlier run", removed);
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException ex)
        {
            logger.LogWarning("Could not remove the unfinished upload {File}: {Error}", Path.GetFileName(path), ex.Message);
            return false;
        }
    }

    private string IncomingPath(string name) => Path.Combine(paths.AttachmentsPath, IncomingFolder, name);

    private string PathOf(string key)
    {
        // Keys are ours, but never let one escape the attachments folder.
        var full = Path.GetFullPath(Path.Combine(paths.AttachmentsPath, key));
        if (!full.StartsWith(paths.AttachmentsPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("Attachment key outside the store.");
        return full;
    }
}
