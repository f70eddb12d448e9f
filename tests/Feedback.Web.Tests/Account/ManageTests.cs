using System.Net;
using System.Text.Json;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Organisation;
using Feedback.Domain.Organisation.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Account;

public sealed class ManageTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    private async Task<(string Email, HttpClient Client)> SignedInCustomerAsync(string password = "a long passphrase")
    {
        var email = AccountApp.NewEmail("manage");
        await _app.CreateUserAsync(email, password, true, Roles.Customer);
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(email, password);
        return (email, client);
    }

    [Fact]
    public async Task Profile_ChangesNameAndLanguage()
    {
        var (email, client) = await SignedInCustomerAsync();
        var saved = await client.PostAsync("/Account/Manage", Forms.Fields(("Input.DisplayName", "李四"), ("Input.Culture", "en")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var user = await _app.DbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(("李四", "en"), (user.DisplayName, user.PreferredCulture));
        var page = await (await client.GetAsync("/Account/Manage")).TextAsync();
        Assert.Contains("lang=\"en\"", page);
        Assert.Contains("李四", page);
    }

    [Theory]
    [InlineData("", "zh-CN", "This field is required.")]
    [InlineData("李四", "xx", "The value chosen is not valid.")]
    public async Task Profile_WithBadInput_Is400(string name, string culture, string message)
    {
        var (_, client) = await SignedInCustomerAsync();
        var response = await client.PostAsync("/Account/Manage?culture=en", Forms.Fields(("Input.DisplayName", name), ("Input.Culture", culture)), postUrl: "/Account/Manage?culture=en");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
    }

    [Fact]
    public async Task Password_NeedsTheCurrentOne_AndTheNewOneSignsIn()
    {
        var (email, client) = await SignedInCustomerAsync();
        var wrong = await client.PostAsync("/Account/Manage/Password", Forms.Fields(("Input.CurrentPassword", "not it"), ("Input.NewPassword", "a newer passphrase"), ("Input.ConfirmPassword", "a newer passphrase")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("密码不正确", await wrong.TextAsync());

        var tooShort = await client.PostAsync("/Account/Manage/Password", Forms.Fields(("Input.CurrentPassword", "a long passphrase"), ("Input.NewPassword", "short12"), ("Input.ConfirmPassword", "short12")));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("至少需要 8 个字符", await tooShort.TextAsync());

        var changed = await client.PostAsync("/Account/Manage/Password", Forms.Fields(("Input.CurrentPassword", "a long passphrase"), ("Input.NewPassword", "a newer passphrase"), ("Input.ConfirmPassword", "a newer passphrase")));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode); // still signed in
        await _app.CreateBrowserClient().SignInAsync(email, "a newer passphrase");
    }

    [Fact]
    public async Task Customer_DownloadsTheirData_ThenDeletesTheAccount_AndTheirCaseStaysWithoutThem()
    {
        var (email, client) = await SignedInCustomerAsync();
        var caseId = await FileCaseAsAsync(email);

        var export = await client.GetAsync("/Account/Manage?handler=Export");
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
        Assert.Equal(email, json.RootElement.GetProperty("profile").GetProperty("email").GetString());
        var exported = Assert.Single(json.RootElement.GetProperty("cases").EnumerateArray());
        Assert.Equal("停电三天", exported.GetProperty("subject").GetString());

        var wrong = await client.PostAsync("/Account/Manage/Delete", Forms.Fields(("Input.Password", "not it")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(await _app.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var deleted = await client.PostAsync("/Account/Manage/Delete", Forms.Fields(("Input.Password", "a long passphrase")));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/Account/Notice/account-deleted", deleted.Headers.Location?.OriginalString);
        Assert.False(await _app.DbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        var kept = await _app.DbAsync(db => db.Cases.SingleAsync(c => c.Id == caseId));
        Assert.Null(kept.SubmitterUserId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task Staff_CannotDeleteTheirOwnAccount()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync("dispatcher@demo.local");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Account/Manage/Delete")).StatusCode); // → access denied
        Assert.DoesNotContain("/Account/Manage/Delete", await (await client.GetAsync("/Account/Manage")).TextAsync());
    }

    /// <summary>A case filed by the customer, written directly (filing itself is another area's subject).</summary>
    private async Task<Guid> FileCaseAsAsync(string email)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..8];
        var category = await _app.SendAsync("admin@demo.local", new CreateOrganisationEntry(OrganisationList.Categories, code, "测试", "Test", 1));
        var area = await _app.SendAsync("admin@demo.local", new CreateOrganisationEntry(OrganisationList.ServiceAreas, code, "测试区", "Test area", 1));
        return await _app.DbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var details = new NewCase(CaseKind.Complaint, Channel.Web, category, area, "停电三天", "家里停电三天了", false,
                new ContactDetails("王五", "13800138000", email, null, null), "zh-CN", SubmitterUserId: userId);
            var @case = Case.Submit(details, code, AccessPin.New(), DateTimeOffset.UtcNow);
            db.Cases.Add(@case);
            await db.SaveChangesAsync();
            return @case.Id;
        });
    }
}
