using System.Net;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Account;

public sealed class SessionTests
{
    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenItsOwnerSignsOut()
    {
        // The stamp is checked on every request here; in production every minute (Security:SessionCheckSeconds).
        using var app = new AccountApp(new Dictionary<string, string?> { ["Security:SessionCheckSeconds"] = "0" });
        var owner = app.CreateBrowserClient();
        await owner.SignInAsync("customer2@demo.local");
        var signedIn = await owner.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = AuthCookie(signedIn.RequestMessage!);

        var copy = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/Account/Manage")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync("/", Forms.Fields(), postUrl: "/Account/Logout")).StatusCode);

        var afterSignOut = await copy.GetAsync("/Account/Manage");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/Account/Login", afterSignOut.Headers.Location?.PathAndQuery ?? afterSignOut.Headers.Location?.OriginalString);
    }

    /// <summary>The sign-in cookie exactly as the browser sent it.</summary>
    private static string AuthCookie(HttpRequestMessage sent)
    {
        var header = string.Join("; ", sent.Headers.GetValues("Cookie"));
        var auth = header.Split("; ").Where(c => c.StartsWith("feedback.auth", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(auth);
        return string.Join("; ", auth);
    }
}
