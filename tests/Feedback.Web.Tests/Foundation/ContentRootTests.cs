using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Feedback.Web.Infrastructure.Web;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Foundation;

/// <summary>
/// The built app finds its appsettings.json and wwwroot wherever it is started from: an operator's service
/// unit starts `dotnet /opt/feedback/Feedback.Web.dll` from another folder, and the app used to stop on
/// "Email:From must be an email address (was '')" because it read no settings at all.
/// </summary>
public sealed class ContentRootTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "feedback-tests", "content-root-" + Guid.NewGuid().ToString("N"));

    public ContentRootTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData(false, true, "app")]   // started elsewhere: the app's own folder
    [InlineData(true, true, null)]     // started in a folder with its own settings: that folder (ASP.NET's default)
    [InlineData(false, false, null)]   // no settings anywhere: leave the default alone
    public void Choose_PrefersTheCurrentFolder_ThenTheAppFolder(bool currentHasSettings, bool appHasSettings, string? expected)
    {
        var current = Directory.CreateDirectory(Path.Combine(_folder, "current")).FullName;
        var app = Directory.CreateDirectory(Path.Combine(_folder, "app")).FullName;
        if (currentHasSettings) File.WriteAllText(Path.Combine(current, ContentRoot.SettingsFile), "{}");
        if (appHasSettings) File.WriteAllText(Path.Combine(app, ContentRoot.SettingsFile), "{}");

        Assert.Equal(expected is null ? null : app, ContentRoot.Choose([], current, app));
        Assert.Null(ContentRoot.Choose(["--contentRoot", current], current, app));
    }

    [Fact]
    public async Task TheBuiltApp_StartedFromAnotherFolder_ReadsItsSettingsAndServes()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder, // no appsettings.json here
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("ASPNETCORE_CONTENTROOT");
        start.Environment["Feedback__DataPath"] = Path.Combine(_folder, "data");
        start.Environment["Feedback__ContentPath"] = Path.Combine(FeedbackApp.RepositoryRoot, "content");
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var healthy = await PollAsync(process, http, "/healthz");
            Assert.True(healthy, $"The app did not become healthy. Its output:\n{output}");
            var home = await http.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Polls until the path answers 200, the process exits, or two minutes pass (a loaded machine is slow to start).</summary>
    private static async Task<bool> PollAsync(Process process, HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
