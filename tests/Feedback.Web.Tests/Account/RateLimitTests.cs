using System.Net;

namespace Feedback.Web.Tests.Account;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignInPages_AnswerTooManyRequests_PastTheLimit()
    {
        using var app = new AccountApp(new Dictionary<string, string?> { ["RateLimits:signin"] = "3" });
        var client = app.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);

        var limited = await client.PostAsync("/Account/Login", new FormUrlEncodedContent([]));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Contains("操作过于频繁", await limited.Content.ReadAsStringAsync());
        // One budget for every sign-in door.
        Assert.Equal((HttpStatusCode)429, (await client.GetAsync("/Account/ForgotPassword")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
