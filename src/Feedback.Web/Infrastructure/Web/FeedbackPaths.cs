namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// Where the organisation's content (content/) and the app's data (data/: database, attachments, mail
/// pickup) live. Both default to the repository root found above the app (the folder holding
/// content/setup), so `dotnet run --project src/Feedback.Web` works from anywhere in the checkout;
/// deployments set Feedback:ContentPath and Feedback:DataPath.
/// </summary>
public sealed class FeedbackPaths
{
    public FeedbackPaths(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var root = FindRoot(environment.ContentRootPath) ?? FindRoot(AppContext.BaseDirectory) ?? environment.ContentRootPath;
        ContentPath = Path.GetFullPath(configuration["Feedback:ContentPath"] ?? Path.Combine(root, "content"));
        DataPath = Path.GetFullPath(configuration["Feedback:DataPath"] ?? Path.Combine(root, "data"));
        Directory.CreateDirectory(DataPath);
    }

    public string ContentPath { get; }
    public string DataPath { get; }
    public string SetupPath => Path.Combine(ContentPath, "setup");
    public string PagesPath => Path.Combine(ContentPath, "pages");
    public string EmailsPath => Path.Combine(ContentPath, "emails");
    public string AttachmentsPath => Path.Combine(DataPath, "attachments");
    public string MailPickupPath => Path.Combine(DataPath, "mail");
    public string KeysPath => Path.Combine(DataPath, "keys");

    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "content", "setup")))
                return dir.FullName;
        return null;
    }
}
