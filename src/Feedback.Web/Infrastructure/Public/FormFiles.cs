using Feedback.Domain.Cases;

namespace Feedback.Web.Infrastructure.Public;

public static class FormFiles
{
    /// <summary>The files of a form as the domain takes them; a file input left empty sends nothing.</summary>
    public static IReadOnlyList<UploadedFile> ToUploadedFiles(this IEnumerable<IFormFile>? files) =>
        (files ?? []).Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName))
            .Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream)).ToList();
}
