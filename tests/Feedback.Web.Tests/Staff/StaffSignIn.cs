using System.Net;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Staff;

/// <summary>
/// Signs a demo account in through the real login form (/Account/Login, Input.Email / Input.Password).
/// Written here because the shared Infrastructure/SignIn.cs was not in main yet; switch to it once it is.
/// </summary>
public static class StaffSignIn
{
    public static async Task<HttpClient> SignedInClientAsync(this FeedbackApp app, string? email)
    {
        var client = app.CreateBrowserClient();
        if (email is null)
            return client;
        var response = await client.PostAsync("/Account/Login",
            Forms.Fields(("Input.Email", email), ("Input.Password", FeedbackApp.DemoPassword)));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("/Account/") == true)
            throw new InvalidOperationException($"Signing in {email} gave {(int)response.StatusCode} → {response.Headers.Location}");
        return client;
    }
}
