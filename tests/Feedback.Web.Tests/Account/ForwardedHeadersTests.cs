using System.Net;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Account;

/// <summary>
/// Behind a TLS proxy: X-Forwarded-For/-Proto are believed from the configured proxy only. Believed, each
/// client has its own rate-limit budget and cookies are Secure on HTTPS; from anyone else they change nothing.
/// </summary>
public sealed class ForwardedHeadersTests(ForwardedHeadersTests.ProxiedApp fixture) : IClassFixture<ForwardedHeadersTests.ProxiedApp>
{
    private const string Proxy = "192.0.2.10";
    private const string NotAProxy = "192.0.2.99";

    public sealed class ProxiedApp : IDisposable
    {
        public AccountApp App { get; } = new(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
            ["ForwardedHeaders:KnownNetworks"] = "198.18.0.0/15",
            ["RateLimits:signin"] = "2",
        });

        public void Dispose() => App.Dispose();
    }

    private readonly AccountApp _app = fixture.App;

    private HttpClient Through(string peer, string forwardedFor, string? proto = null)
    {
        var client = _app.CreateClientFrom(peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client) =>
        (await client.PostAsync("/Account/Login", new FormUrlEncodedContent([]))).StatusCode;

    [Theory]
    [InlineData(Proxy, "203.0.113.1", "203.0.113.2")]
    [InlineData("198.18.3.4", "203.0.113.3", "203.0.113.4")] // in a configured network
    public async Task FromAConfiguredProxy_EachForwardedClientHasItsOwnBudget(string proxy, string oneClient, string another)
    {
        var first = Through(proxy, oneClient);
        var second = Through(proxy, another);
        Assert.NotEqual((HttpStatusCode)429, await PostAsync(first));
        Assert.NotEqual((HttpStatusCode)429, await PostAsync(first));
        Assert.NotEqual((HttpStatusCode)429, await PostAsync(second));
        Assert.NotEqual((HttpStatusCode)429, await PostAsync(second));
        Assert.Equal((HttpStatusCode)429, await PostAsync(first));
    }

    [Fact]
    public async Task FromAnyoneElse_TheForwardedAddressIsIgnored()
    {
        // A client cannot buy a fresh budget by claiming another address.
        Assert.NotEqual((HttpStatusCode)429, await PostAsync(Through(NotAProxy, "203.0.113.201")));
        Assert.NotEqual((HttpStatusCode)429, await PostAsync(Through(NotAProxy, "203.0.113.202")));
        Assert.Equal((HttpStatusCode)429, await PostAsync(Through(NotAProxy, "203.0.113.203")));
    }

    [Fact]
    public async Task CookiesAreSecure_WhenTheConfiguredProxyReceivedHttps_AndOnlyThen()
    {
        Assert.True(AllCookiesSecure(await Through(Proxy, "203.0.113.210", "https").GetAsync("/Account/Login")));
        Assert.False(AllCookiesSecure(await Through(NotAProxy, "203.0.113.211", "https").GetAsync("/Account/Login")));
        Assert.False(AllCookiesSecure(await Through(Proxy, "203.0.113.212", "http").GetAsync("/Account/Login")));
    }

    /// <summary>The page sets cookies (at least the antiforgery one), and every one of them is Secure.</summary>
    private static bool AllCookiesSecure(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        return cookies.All(c => c.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)));
    }
}
