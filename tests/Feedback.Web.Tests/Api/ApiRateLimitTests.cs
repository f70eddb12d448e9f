using System.Net;
using System.Net.Http.Json;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Api;

/// <summary>Each key has its own budget (RateLimits:apiKey a minute): one busy partner does not starve another.</summary>
public sealed class ApiRateLimitTests : IDisposable
{
    private readonly FeedbackApp _app = new(new Dictionary<string, string?> { ["RateLimits:apiKey"] = "2" });

    [Fact]
    public async Task AKeyOverItsBudget_Is429_InTheSpecsShape_WhileAnotherKeyStillWorks()
    {
        var busy = await _app.CreateKeyAsync();
        var other = await _app.CreateKeyAsync(open311: false, hotline: true);
        var client = _app.CreateClient();
        await client.FileOpen311Async(busy);
        await client.FileOpen311Async(busy);

        var refused = await client.PostOpen311Async(ApiTestHelpers.Open311Fields(busy), "xml");

        await Open311ContractTests.AssertErrorAsync(refused, HttpStatusCode.TooManyRequests, "xml");
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        var hotline = _app.CreateClient().WithKey(other);
        Assert.Equal(HttpStatusCode.OK, (await hotline.GetAsync("/api/v1/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hotline.GetAsync("/api/v1/changes")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await hotline.GetAsync("/api/v1/changes")).StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
