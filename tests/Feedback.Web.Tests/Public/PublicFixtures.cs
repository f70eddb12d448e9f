using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Public;

/// <summary>An app whose tracking limit is 3 a minute.</summary>
public sealed class TightTrackingLimitFixture : IDisposable
{
    public FeedbackApp App { get; } = new(new Dictionary<string, string?> { ["RateLimits:tracking"] = "3" });

    public void Dispose() => App.Dispose();
}
