using System.Net;

namespace Feedback.Web.Tests.Infrastructure;

public static class SignIn
{
    /// <summary>
    /// Signs the client in through the real login form and asserts that it worked (a redirect away from the
    /// form). Use a client that keeps cookies, e.g. <see cref="FeedbackApp.CreateBrowserClient"/>.
    /// </summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password = FeedbackApp.DemoPassword)
    {
        var response = await client.PostAsync("/Account/Login", Forms.Fields(("Input.Email", email), ("Input.Password", password)));
        var redirected = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther
            // A client that follows redirects ends somewhere other than the form.
            || (response.IsSuccessStatusCode && response.RequestMessage?.RequestUri?.AbsolutePath != "/Account/Login");
        Assert.True(redirected, $"Signing in as {email} gave {(int)response.StatusCode}; expected a redirect.");
    }
}
