using System.Net;
using Feedback.Domain.Organisation;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Admin;

public sealed class OrganisationAdminTests(AccountAppFixture fixture) : IClassFixture<AccountAppFixture>
{
    private readonly AccountApp _app = fixture.App;

    private async Task<HttpClient> AdminAsync()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync("admin@demo.local");
        return client;
    }

    private static Dictionary<string, string> Entry(string code, string zh = "新部门", string en = "New department", string sort = "10") =>
        Forms.Fields(("Input.Code", code), ("Input.NameZh", zh), ("Input.NameEn", en), ("Input.SortOrder", sort), ("Input.IsIntegrityOffice", "false"));

    private static string NewCode() => "X" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task Admin_AddsADepartment_AndADuplicateCodeIsRefusedWithoutWritingAnything()
    {
        var client = await AdminAsync();
        var code = NewCode();
        var added = await client.PostAsync("/Admin/Departments", Entry(code));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var organisation = await _app.Services.GetRequiredService<OrganisationCache>().GetAsync();
        Assert.Contains(organisation.Departments, d => d.Code == code && d.NameEn == "New department");

        var before = await _app.DbAsync(db => db.Departments.CountAsync());
        var duplicate = await client.PostAsync("/Admin/Departments", Entry(code.ToLowerInvariant(), "另一个", "Another"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains($"代码 {code.ToLowerInvariant()} 已存在", await duplicate.TextAsync());
        Assert.Equal(before, await _app.DbAsync(db => db.Departments.CountAsync()));

        var english = await client.PostAsync("/Admin/Departments?culture=en", Entry(code), postUrl: "/Admin/Departments?culture=en");
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        Assert.Contains($"The code {code} is already in use.", await english.TextAsync());
    }

    [Theory]
    [InlineData("", "名", "Name", "10", "此项为必填项")]
    [InlineData("has space", "名", "Name", "10", "代码须以字母开头")]
    [InlineData("1ABC", "名", "Name", "10", "代码须以字母开头")]
    [InlineData("OK_CODE", "", "Name", "10", "此项为必填项")]
    [InlineData("OK_CODE", "名", "", "10", "此项为必填项")]
    [InlineData("OK_CODE", "名", "Name", "-1", "排序须在 0 到 9999 之间")]
    [InlineData("OK_CODE", "名", "Name", "ten", "不是有效的值")]
    public async Task AddEntry_WithBadInput_Is400WithAMessage(string code, string zh, string en, string sort, string message)
    {
        var client = await AdminAsync();
        foreach (var list in new[] { "Departments", "Categories", "ServiceAreas" })
        {
            var response = await client.PostAsync($"/Admin/{list}", Entry(code, zh, en, sort));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.TextAsync());
        }
        Assert.False(await _app.DbAsync(db => db.Categories.AnyAsync(c => c.Code == "OK_CODE")));
    }

    [Fact]
    public async Task Admin_RenamesReordersAndDeactivatesACategory_AndTheCacheSeesIt()
    {
        var client = await AdminAsync();
        var code = NewCode();
        await client.PostAsync("/Admin/Categories", Entry(code, "旧名", "Old name"));
        var id = await _app.DbAsync(db => db.Categories.Where(c => c.Code == code).Select(c => c.Id).SingleAsync());
        var cache = _app.Services.GetRequiredService<OrganisationCache>();
        Assert.True((await cache.GetAsync()).Category(id)!.IsActive);

        var page = $"/Admin/Categories/{id}";
        var saved = await client.PostAsync(page, Forms.Fields(("Input.NameZh", "新名"), ("Input.NameEn", "New name"), ("Input.SortOrder", "77"), ("Input.IsActive", "false")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var category = (await cache.GetAsync()).Category(id)!;
        Assert.Equal(("新名", "New name", 77, false, code), (category.NameZh, category.NameEn, category.SortOrder, category.IsActive, category.Code));
        Assert.DoesNotContain((await cache.GetAsync()).ActiveCategories, c => c.Id == id);

        var bad = await client.PostAsync(page, Forms.Fields(("Input.NameZh", ""), ("Input.NameEn", "New name"), ("Input.SortOrder", "77"), ("Input.IsActive", "true")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("此项为必填项", await bad.TextAsync());
        Assert.False((await cache.GetAsync()).Category(id)!.IsActive);
    }

    [Fact]
    public async Task ASecondIntegrityOffice_IsRefused_WhenAddingOrEditing_AndNothingChanges()
    {
        var client = await AdminAsync();
        var code = NewCode();
        var entry = Entry(code);
        entry["Input.IsIntegrityOffice"] = "true";

        var added = await client.PostAsync("/Admin/Departments", entry);

        Assert.Equal(HttpStatusCode.BadRequest, added.StatusCode);
        Assert.Contains("只能有一个纪检监察室：部门 integrity-office 已被标记为纪检监察室", await added.TextAsync());
        Assert.False(await _app.DbAsync(db => db.Departments.AnyAsync(d => d.Code == code)));

        var billing = await _app.DbAsync(db => db.Departments.SingleAsync(d => d.Code == "billing-centre"));
        var edited = await client.PostAsync($"/Admin/Departments/{billing.Id}", Forms.Fields(("Input.NameZh", billing.NameZh), ("Input.NameEn", billing.NameEn),
            ("Input.SortOrder", billing.SortOrder.ToString()), ("Input.IsActive", "true"), ("Input.IsIntegrityOffice", "true")));

        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
        Assert.Contains("请先取消它的标记", await edited.TextAsync());
        Assert.False(await _app.DbAsync(db => db.Departments.Where(d => d.Id == billing.Id).Select(d => d.IsIntegrityOffice).SingleAsync()));
        // The office itself keeps its mark when it is edited.
        var office = await _app.DbAsync(db => db.Departments.SingleAsync(d => d.IsIntegrityOffice));
        var kept = await client.PostAsync($"/Admin/Departments/{office.Id}", Forms.Fields(("Input.NameZh", office.NameZh), ("Input.NameEn", office.NameEn),
            ("Input.SortOrder", office.SortOrder.ToString()), ("Input.IsActive", "true"), ("Input.IsIntegrityOffice", "true")));
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
    }

    [Fact]
    public async Task UnknownEntryOrList_Is404()
    {
        var client = await AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Admin/Departments/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Admin/Planets")).StatusCode);
    }

    [Fact]
    public async Task ListPages_ShowTheEntries()
    {
        var client = await AdminAsync();
        var code = NewCode();
        await client.PostAsync("/Admin/ServiceAreas", Entry(code, "滨城区测试", "Bincheng test"));
        var html = await (await client.GetAsync("/Admin/ServiceAreas")).TextAsync();
        Assert.Contains(code, html);
        Assert.Contains("滨城区测试", html);
    }
}
