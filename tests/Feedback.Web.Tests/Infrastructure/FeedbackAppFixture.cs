namespace Feedback.Web.Tests.Infrastructure;

/// <summary>One app (and database) shared by the tests of a class: <c>IClassFixture&lt;FeedbackAppFixture&gt;</c>.</summary>
public sealed class FeedbackAppFixture : IDisposable
{
    public FeedbackApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
