namespace Feedback.Web.Infrastructure.Web;

/// <summary>
/// Where the app looks for appsettings.json and wwwroot. ASP.NET Core takes the current directory, so a
/// published app started from another folder (a service unit, `dotnet /opt/feedback/Feedback.Web.dll`)
/// ran without its settings and stopped on the first required one. When the current directory has no
/// appsettings.json but the folder of the app's binaries has, that folder is the content root. An explicit
/// `--contentRoot` or ASPNETCORE_CONTENTROOT always wins.
/// </summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    public static string? Choose(string[] args, string currentDirectory, string appDirectory)
    {
        if (args.Any(arg => arg.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT")))
            return null;
        if (File.Exists(Path.Combine(currentDirectory, SettingsFile)))
            return null;
        return File.Exists(Path.Combine(appDirectory, SettingsFile)) ? appDirectory : null;
    }
}
