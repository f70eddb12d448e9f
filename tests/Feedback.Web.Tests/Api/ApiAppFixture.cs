using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Api;

/// <summary>
/// One app for the API tests (see <see cref="ApiCollection"/>), with the change feed's settling delay off: the tests read changes
/// right after making them (the delay only guards against slow concurrent commits).
/// </summary>
public sealed class ApiAppFixture : IDisposable
{
    public FeedbackApp App { get; } = new(new Dictionary<string, string?> { ["Api:ChangesSettleSeconds"] = "0" });

    public void Dispose() => App.Dispose();
}

/// <summary>The API test classes share one app: starting one per class costs more than they take to run.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiAppFixture>
{
    public const string Name = "Api";
}
