using System.Net;
using Feedback.Domain.Data;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Foundation;

public sealed class OperationsTests(FeedbackAppFixture fixture) : IClassFixture<FeedbackAppFixture>
{
    private readonly FeedbackApp _app = fixture.App;

    [Fact]
    public async Task Healthz_ChecksTheDatabase()
    {
        var response = await _app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders()
    {
        var response = await _app.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task TheSite_IsChineseByDefault_AndEnglishOnRequest()
    {
        var client = _app.CreateBrowserClient();
        var zh = await client.GetStringAsync("/");
        Assert.Contains("lang=\"zh-CN\"", zh);
        Assert.Contains("欢迎", zh);

        var switched = await client.PostAsync("/", Forms.Fields(("culture", "en"), ("returnUrl", "/")), postUrl: "/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var en = await client.GetStringAsync("/");
        Assert.Contains("lang=\"en\"", en);
        Assert.Contains("Welcome", en);
    }

    [Fact]
    public async Task LanguageSwitch_NeverRedirectsOffSite()
    {
        var client = _app.CreateBrowserClient();
        var response = await client.PostAsync("/", Forms.Fields(("culture", "en"), ("returnUrl", "//evil.example/")), postUrl: "/culture");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UnknownPage_IsALocalised404()
    {
        var response = await _app.CreateClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Migrations_DescribeTheWholeModel()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration describes: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task TheDatabase_RunsInWalModeWithForeignKeys()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}
