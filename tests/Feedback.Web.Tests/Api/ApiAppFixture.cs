using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Api;

/// <summary>
/// One app for the API tests (see <see cref="ApiCollection"/>), with the change feed's settling delay off: the tests read changes
/// right after making them (the delay only guards against slow concurrent commits). When they are done, every /api/v1
/// response they saw is checked against the OpenAPI document (<see cref="RecordingApiApp"/>).
/// </summary>
public sealed class ApiAppFixture : IDisposable
{
    private readonly RecordingApiApp _app = new(new Dictionary<string, string?> { ["Api:ChangesSettleSeconds"] = "0" });

    public FeedbackApp App => _app;
    public RecordingApiApp Recording => _app;

    public void Dispose()
    {
        try
        {
            var mismatches = _app.Responses.IsEmpty ? [] : _app.Mismatches().Problems;
            if (mismatches.Count > 0)
                throw new Xunit.Sdk.XunitException($"{mismatches.Count} of {_app.Responses.Count} /api/v1 responses differ from /openapi/v1.json:\n"
                    + string.Join('\n', mismatches.Distinct().Take(40)));
        }
        finally
        {
            _app.Dispose();
        }
    }
}

/// <summary>The API test classes share one app: starting one per class costs more than they take to run.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiAppFixture>
{
    public const string Name = "Api";
}
