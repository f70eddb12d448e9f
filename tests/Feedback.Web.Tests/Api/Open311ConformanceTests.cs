using System.Net;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Api;

/// <summary>The GeoReport v2 details real clients rely on: HEAD, CORS on the reads, max_requests in discovery.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311ConformanceTests(ApiAppFixture fixture)
{
    private readonly FeedbackApp _app = fixture.App;

    public static TheoryData<string> Reads => new()
    {
        "discovery.json", "discovery.xml", "services.json", "services.xml", "services/billing.json", "services/billing.xml",
        "requests.json", "requests.xml", "servicerequestupdates.json", "servicerequestupdates.xml",
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task EveryRead_AnswersHead_WithTheSameStatusAndTypeButNoBody(string path)
    {
        var get = await _app.CreateClient().GetAsync($"/open311/v2/{path}");
        var head = await _app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/open311/v2/{path}"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task EveryRead_MayBeFetchedFromAnyWebPage(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/open311/v2/{path}");
        request.Headers.Add("Origin", "https://map.example.org");
        var response = await _app.CreateClient().SendAsync(request);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task APreflight_IsAnsweredForTheReads_AndWritesGetNoCorsHeaders()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/open311/v2/requests.json");
        preflight.Headers.Add("Origin", "https://map.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await _app.CreateClient().SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("GET", response.Headers.GetValues("Access-Control-Allow-Methods").Single());

        var post = await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(await _app.CreateKeyAsync()));
        Assert.False(post.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Discovery_SaysHowManyRequestsOneListReturns_InBothFormats()
    {
        var json = await ApiTestHelpers.JsonAsync(await _app.CreateClient().GetAsync("/open311/v2/discovery.json"));
        Assert.Equal(1000, json.GetProperty("max_requests").GetInt32());
        Assert.False(json.TryGetProperty("jurisdiction_id", out _));
        var xml = await ApiTestHelpers.XmlAsync(await _app.CreateClient().GetAsync("/open311/v2/discovery.xml"));
        Assert.Equal("1000", xml.Root!.Element("max_requests")!.Value);
    }
}

/// <summary>With a jurisdiction configured: advertised in discovery, accepted, and another one refused (404).</summary>
public sealed class Open311JurisdictionTests : IDisposable
{
    private readonly FeedbackApp _app = new(new Dictionary<string, string?> { ["Open311:JurisdictionId"] = "binzhou.example" });

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task TheConfiguredJurisdiction_IsAdvertisedAndAccepted_AnotherIs404(string format)
    {
        var client = _app.CreateClient();
        var discovery = await client.GetStringAsync($"/open311/v2/discovery.{format}");
        Assert.Contains("binzhou.example", discovery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/open311/v2/services.{format}?jurisdiction_id=binzhou.example")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/open311/v2/services.{format}")).StatusCode);
        await Open311ContractTests.AssertErrorAsync(await client.GetAsync($"/open311/v2/services.{format}?jurisdiction_id=elsewhere.example"), HttpStatusCode.NotFound, format);
        await Open311ContractTests.AssertErrorAsync(await client.GetAsync($"/open311/v2/servicerequestupdates.{format}?jurisdiction_id=elsewhere.example"), HttpStatusCode.NotFound, format);
    }

    public void Dispose() => _app.Dispose();
}
