using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Public;

/// <summary>An app whose tracking limit is 3 a minute.</summary>
public sealed class TightTrackingLimitFixture : IDisposable
{
    public FeedbackApp App { get; } = new FeedbackApp(new Dictionary<string, string?> { ["RateLimits:tracking"] = "3" });

    public void Dispose() => App.Dispose();
}

/// <summary>
/// The public-side test classes share one app: starting an app costs more than all their tests together,
/// and none of them depends on an empty database. (Classes in one collection run one after another.)
/// </summary>
[CollectionDefinition(Name)]
public sealed class PublicCollection : ICollectionFixture<FeedbackAppFixture>
{
    public const string Name = "Public pages";
}
