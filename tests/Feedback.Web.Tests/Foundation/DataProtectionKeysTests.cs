using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Foundation;

/// <summary>Cookie keys survive a restart: what one run of the app signed, the next run on the same data folder reads.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public void A_restarted_app_reads_what_the_previous_run_protected()
    {
        using var first = new FeedbackApp();
        var dataPath = first.DataPath;
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("受理编号");

        // A second app on the same folder stands for the restart (the first one's folder is deleted when it is disposed).
        using var second = new FeedbackApp(new Dictionary<string, string?> { ["Feedback:DataPath"] = dataPath });
        Assert.Equal("受理编号", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dataPath, "keys"), "key-*.xml"));
    }
}
