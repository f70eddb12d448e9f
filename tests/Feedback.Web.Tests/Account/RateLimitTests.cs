using System.Net;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Account;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignInPosts_AnswerTooManyRequests_PastTheLimit_ButShowingThePagesIsFree()
    {
        using var app = new AccountApp(new Dictionary<string, string?> { ["RateLimits:signin"] = "3" });
        var client = app.CreateClientFrom("198.51.100.1");
        // A service centre behind one address opens the sign-in page many times at the start of a shift.
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        for (var i = 0; i < 3; i++)
            Assert.NotEqual((HttpStatusCode)429, (await client.PostAsync("/Account/Login", new FormUrlEncodedContent([]))).StatusCode);

        var limited = await client.PostAsync("/Account/Login", new FormUrlEncodedContent([]));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Contains("操作过于频繁", await limited.Content.ReadAsStringAsync());
        // One budget for every sign-in door's form.
        Assert.Equal((HttpStatusCode)429, (await client.PostAsync("/Account/ForgotPassword", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/ForgotPassword")).StatusCode);
        // Per address: someone elsewhere is not affected.
        Assert.NotEqual((HttpStatusCode)429, (await app.CreateClientFrom("198.51.100.2").PostAsync("/Account/Login", new FormUrlEncodedContent([]))).StatusCode);
    }
}
