using System.Net;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Admin;

public sealed class AdminAccessTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    public static TheoryData<string> AdminPages => new()
    {
        "/Admin", "/Admin/Users", "/Admin/Users/Create", "/Admin/Departments", "/Admin/Categories", "/Admin/ServiceAreas",
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Anonymous_IsSentToSignIn(string page)
    {
        var response = await _app.CreateBrowserClient().GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    [Theory]
    [InlineData("customer@demo.local")]
    [InlineData("staff.billing@demo.local")]
    [InlineData("dispatcher@demo.local")]
    public async Task SignedInNonAdmins_AreForbidden(string email)
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(email);
        foreach (var page in AdminPages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Error/403", response.Headers.Location?.AbsolutePath);
        }
        var forbidden = await client.GetAsync("/Error/403");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Admin_SeesEveryAdminPage()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync("admin@demo.local");
        foreach (var page in AdminPages)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }
}
