using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Domain.Cases;

/// <summary>An upload whose first bytes showed an accepted format.</summary>
public sealed record CheckedUpload(UploadedFile Upload, string ContentType, string Extension);

/// <summary>
/// How every use case takes files onto a case: judge each by its content (never by its name or claimed
/// type), then store the bytes and attach them. Files stored for a unit of work that does not save are
/// removed again, so a refused or failed command leaves nothing on disk.
/// </summary>
public static class AttachmentIntake
{
    /// <summary>Adds an error (on <paramref name="field"/>) for each file that is not an accepted format.</summary>
    public static async Task<IReadOnlyList<CheckedUpload>> CheckAsync(
        IReadOnlyList<UploadedFile> uploads, string field, List<ValidationError> errors, CancellationToken cancellationToken)
    {
        var files = new List<CheckedUpload>();
        foreach (var upload in uploads)
        {
            var header = new byte[FileSignature.HeaderLength];
            await using var stream = upload.OpenReadStream();
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            if (FileSignature.Detect(header.AsSpan(0, read)) is { } type)
                files.Add(new CheckedUpload(upload, type.ContentType, type.Extension));
            else
                errors.Add(new(field, "Upload.WrongType", upload.FileName));
        }
        return files;
    }

    /// <summary>
    /// Files added to an existing case (a message, an answer, a client's update): their content checked, and
    /// room left on the case for them. Any problem is a <see cref="ValidationException"/> before anything is stored.
    /// </summary>
    public static async Task<IReadOnlyList<CheckedUpload>> CheckForCaseAsync(
        Case @case, IReadOnlyList<UploadedFile>? uploads, string field, CancellationToken cancellationToken)
    {
        uploads ??= [];
        var errors = new List<ValidationError>();
        var files = await CheckAsync(uploads, field, errors, cancellationToken);
        if (@case.Attachments.Count + uploads.Count > Case.MaxAttachments)
            errors.Add(new(field, "Case.TooManyAttachments", Case.MaxAttachments));
        if (errors.Count > 0) throw new ValidationException(errors);
        return files;
    }

    /// <summary>The checks every message carrying files makes in its Validate: how many, none empty, none too large.</summary>
    public static IEnumerable<ValidationError> Validate(IReadOnlyList<UploadedFile>? uploads, string field, int maxFiles = UploadLimits.MaxFiles)
    {
        if (uploads is null) yield break;
        if (uploads.Count > maxFiles)
            yield return new(field, "Upload.TooMany", maxFiles);
        foreach (var file in uploads)
        {
            if (file.Length == 0) yield return new(field, "Upload.Empty", file.FileName);
            else if (file.Length > UploadLimits.MaxFileBytes) yield return new(field, "Upload.TooLarge", file.FileName, UploadLimits.MaxFileBytes / 1024 / 1024);
        }
    }

    /// <summary>
    /// Stores the files and attaches them to the case. Call last in a handler, after everything that may
    /// refuse the command: the files are deleted if the unit of work's SaveChanges fails.
    /// </summary>
    public static Task AttachAsync(IAttachmentStore store, FeedbackDbContext db, Case @case, IReadOnlyList<CheckedUpload> files,
        CaseParticipant by, DateTimeOffset now, CancellationToken cancellationToken) =>
        StoreAsync(store, db, files, (file, name, key) => @case.AddAttachment(name, file.ContentType, file.Upload.Length, key, by, now), cancellationToken);

    /// <summary>
    /// Stores the files and hands each (with its safe name and store key) to <paramref name="attach"/>, which
    /// records it on whatever owns it (a case, a rectification measure, a review). Same guarantees as <see cref="AttachAsync"/>.
    /// </summary>
    public static async Task StoreAsync(IAttachmentStore store, DbContext db, IReadOnlyList<CheckedUpload> files,
        Action<CheckedUpload, string, string> attach, CancellationToken cancellationToken)
    {
        if (files.Count == 0) return;
        var stored = new List<string>();
        try
        {
            foreach (var file in files)
            {
                await using var stream = file.Upload.OpenReadStream();
                var key = await store.SaveAsync(stream, file.Extension, cancellationToken);
                stored.Add(key);
                attach(file, SafeFileName(file.Upload.FileName, file.Extension), key);
            }
        }
        catch (Exception ex)
        {
            stored.ForEach(store.Delete);
            StorageFull.ThrowIfFull(ex);
            throw;
        }
        DeleteIfNotSaved(db, store, stored);
    }

    /// <summary>Keeps a readable name for the download, without paths or control characters; the extension follows the content.</summary>
    public static string SafeFileName(string name, string extension)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName(name.Replace('\\', '/')));
        baseName = new string(baseName.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (baseName.Length == 0) baseName = "attachment";
        if (baseName.Length > 100) baseName = baseName[..100];
        return baseName + extension;
    }

    // The context lives as long as the request scope and may save again later: listen to the next save only,
    // so that a later failure in the same scope never deletes files that were already committed.
    private static void DeleteIfNotSaved(DbContext db, IAttachmentStore store, List<string> keys)
    {
        EventHandler<SaveChangesFailedEventArgs>? failed = null;
        EventHandler<SavedChangesEventArgs>? saved = null;
        void Unsubscribe()
        {
            db.SaveChangesFailed -= failed;
            db.SavedChanges -= saved;
        }
        failed = (_, _) =>
        {
            Unsubscribe();
            keys.ForEach(store.Delete);
        };
        saved = (_, _) => Unsubscribe();
        db.SaveChangesFailed += failed;
        db.SavedChanges += saved;
    }
}
