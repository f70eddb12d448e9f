using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Api;

/// <summary>
/// One app for a class of API tests, with the change feed's settling delay off: the tests read changes
/// right after making them (the delay only guards against slow concurrent commits).
/// </summary>
public sealed class ApiAppFixture : IDisposable
{
    public FeedbackApp App { get; } = new(new Dictionary<string, string?> { ["Api:ChangesSettleSeconds"] = "0" });

    public void Dispose() => App.Dispose();
}
