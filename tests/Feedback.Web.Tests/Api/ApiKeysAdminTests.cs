using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Api;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Api;

/// <summary>The admin's API key page: create (secret shown once, stored hashed), revoke, recent use.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class ApiKeysAdminTests(ApiAppFixture fixture)
{
    private const string Page = "/Admin/ApiKeys";
    private readonly FeedbackApp _app = fixture.App;

    [GeneratedRegex("id=\"created-secret\"[^>]*value=\"(fbk_[A-Za-z0-9_-]+)\"")]
    private static partial Regex SecretPattern();

    private async Task<HttpClient> AdminAsync()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(ApiTestHelpers.Admin);
        return client;
    }

    [Fact]
    public async Task Create_ShowsTheSecretOnce_StoresOnlyItsHash_AndTheKeyWorks()
    {
        var admin = await AdminAsync();
        var response = await admin.PostAsync(Page, Forms.Fields(("Input.Name", "FixMyStreet"), ("Input.Open311", "true")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var secret = SecretPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith("fbk_", secret);
        var stored = await _app.DbAsync(db => db.ApiKeys.SingleAsync(k => k.Name == "FixMyStreet"));
        Assert.Equal(ApiKey.Hash(secret), stored.SecretHash);
        Assert.DoesNotContain(secret, stored.SecretHash);
        Assert.Equal(ApiScopes.Open311, stored.Scopes);

        var again = await admin.GetStringAsync(Page);
        Assert.DoesNotContain(secret, again);
        Assert.Contains("FixMyStreet", again);
        await _app.CreateClient().FileOpen311Async(secret);
    }

    [Fact]
    public async Task Revoke_FromThePage_RefusesTheKeysNextRequest_AndTheUseIsListed()
    {
        var key = await _app.CreateKeyAsync(name: "Revoked from page");
        await _app.CreateClient().FileOpen311Async(key);
        var hash = ApiKey.Hash(key);
        var id = await _app.DbAsync(db => db.ApiKeys.Where(k => k.SecretHash == hash).Select(k => k.Id).SingleAsync());
        await _app.WaitForLogAsync(db => db.ApiRequestLog.Where(e => e.ApiKeyId == id));
        var admin = await AdminAsync();

        var page = await admin.GetStringAsync(Page);
        Assert.Contains("POST /open311/v2/requests.json", page);

        var revoked = await admin.PostAsync($"{Page}?handler=Revoke&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("密钥已吊销", await admin.GetStringAsync(Page));
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(key))).StatusCode);
    }

    [Theory]
    [InlineData("", "true", "false", "", "Input.Name")]
    [InlineData("No scope", "false", "false", "", "Input.Open311")]
    [InlineData("Hotline without account", "false", "true", "", "Input.ActingUserEmail")]
    [InlineData("Hotline as a customer", "false", "true", "customer@demo.local", "Input.ActingUserEmail")]
    public async Task Create_WithBadInput_Is400WithTheFieldMarked_AndCreatesNothing(string name, string open311, string hotline, string acting, string field)
    {
        var admin = await AdminAsync();
        var before = await _app.DbAsync(db => db.ApiKeys.CountAsync());
        var response = await admin.PostAsync(Page, Forms.Fields(("Input.Name", name), ("Input.Open311", open311), ("Input.Hotline", hotline), ("Input.ActingUserEmail", acting)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"data-valmsg-for=\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await _app.DbAsync(db => db.ApiKeys.CountAsync()));
    }

    [Fact]
    public async Task NonAdmins_CannotSeeThePage()
    {
        var dispatcher = _app.CreateBrowserClient();
        await dispatcher.SignInAsync(ApiTestHelpers.Dispatcher);
        var response = await dispatcher.GetAsync(Page);
        Assert.Equal("/Error/403", response.Headers.Location?.AbsolutePath);
    }
}
