using System.Net;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Api;

/// <summary>The spec's 1000 ids in one request line, over a real Kestrel socket (its limits are what answered 414).</summary>
public sealed class Open311IdListTests : IDisposable
{
    private readonly FeedbackApp _app = new();

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task AThousandIds_AreAnswered_AndMoreAreTheSpecsError(string format)
    {
        _app.UseRealServer();
        var key = await _app.CreateKeyAsync();
        var filed = await _app.CreateClient().FileOpen311Async(key);
        // Tracking numbers are like 261203-ABC123; 999 that do not exist and the one that does.
        var ids = Enumerable.Range(0, 999).Select(i => $"261203-Z{i:D5}").Append(filed).ToList();

        var response = await _app.CreateClient().GetAsync($"/open311/v2/requests.{format}?service_request_id={Uri.EscapeDataString(string.Join(',', ids))}");
        var found = await Open311PublicationTests.ItemsAsync(response, format);
        Assert.Equal(filed, Assert.Single(found)["service_request_id"]);

        var tooMany = await _app.CreateClient().GetAsync($"/open311/v2/requests.{format}?service_request_id={Uri.EscapeDataString(string.Join(',', ids.Append("261203-Z99999")))}");
        await Open311ContractTests.AssertErrorAsync(tooMany, HttpStatusCode.BadRequest, format);
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>Anonymous Open311 reads are held to RateLimits:api a minute per client address, refused in the spec's shape.</summary>
public sealed class Open311ReadRateLimitTests : IDisposable
{
    private readonly FeedbackApp _app = new(new Dictionary<string, string?> { ["RateLimits:api"] = "3" });

    [Fact]
    public async Task ReadsOverTheBudget_Are429_InTheFormatAsked()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json")).StatusCode);

        var json = await client.GetAsync("/open311/v2/requests.json");
        await Open311ContractTests.AssertErrorAsync(json, HttpStatusCode.TooManyRequests, "json");
        Assert.Equal("60", json.Headers.RetryAfter?.ToString());
        await Open311ContractTests.AssertErrorAsync(await client.GetAsync("/open311/v2/servicerequestupdates.xml"), HttpStatusCode.TooManyRequests, "xml");
    }

    public void Dispose() => _app.Dispose();
}
