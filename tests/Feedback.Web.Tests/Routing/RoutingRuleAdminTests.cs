using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Routing.Commands;
using Feedback.Web.Tests.Infrastructure;
using Feedback.Web.Tests.Account;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Routing;

/// <summary>
/// Admins manage routing rules through the pages; filings follow at once. Every test uses its own keyword on
/// category "other" (which no shipped rule takes), so the shared app's earlier rules never interfere.
/// </summary>
[Collection(RoutingCollection.Name)]
public sealed class RoutingRuleAdminTests(RoutingAppFixture fixture)
{
    private const string Admin = "admin@demo.local";
    private readonly RoutingApp _app = fixture.App;

    private static string NewKeyword() => "词" + Guid.NewGuid().ToString("N")[..6];

    private async Task<List<KeyValuePair<string, string>>> RuleFormAsync(string name, string keywords, string department,
        string priority = "Normal", params string[] kinds)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name), new("Input.Keywords", keywords), new("Input.Priority", priority),
            new("Input.DepartmentId", (await _app.DepartmentAsync(department)).ToString()),
        };
        fields.AddRange(kinds.Select(k => new KeyValuePair<string, string>("Input.Kinds", k)));
        return fields;
    }

    private async Task<Guid> AddRuleAsync(HttpClient admin, string name, string keywords, string department, string priority = "Normal")
    {
        var response = await admin.PostAsync("/Admin/Routing/Edit", await RuleFormAsync(name, keywords, department, priority));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _app.DbAsync(db => db.RoutingRules.Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
    }

    private Task<int[]> OrdersAsync() => _app.DbAsync(db => db.RoutingRules.OrderBy(r => r.Order).Select(r => r.Order).ToArrayAsync());

    [Fact]
    public async Task AnAdminAddsARuleInTheForm_AndAMatchingCaseLandsInItsDepartment_WithItsPriorityAndDeadlines()
    {
        _app.Clock.SetUtcNow(RoutingApp.NationalDayEve);
        var admin = await _app.SignedInAsync(Admin);
        var fields = await RuleFormAsync("电子发票 → 电费管理中心", "电子发票，E-Invoice\n开票", "billing-centre", "Urgent", "Complaint");
        fields.Add(new("Input.Channels", "Web"));
        fields.Add(new("Input.CategoryIds", (await _app.CategoryAsync("other")).ToString()));

        var added = await admin.PostAsync("/Admin/Routing/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.StartsWith("/Admin/Routing?done=Added", added.Headers.Location!.OriginalString);

        var filed = await _app.FileAsync("电子发票一直开不出来");
        Assert.Equal(await _app.DepartmentAsync("billing-centre"), filed.DepartmentId);
        Assert.Equal(Priority.Urgent, filed.Priority);
        // Complaint policy: contact within 1 working day, resolve within 5. From Wed Sep 30 10:00 (6 h left that
        // day), over Oct 1–7: contact Thu Oct 8 10:00; resolve Oct 8, 9, Sat 10 (调休), 12, then Tue Oct 13 10:00.
        Assert.Equal(new DateTimeOffset(2026, 10, 8, 10, 0, 0, RoutingApp.Shanghai), filed.ContactBy);
        Assert.Equal(new DateTimeOffset(2026, 10, 13, 10, 0, 0, RoutingApp.Shanghai), filed.ResolveBy);

        var list = await (await admin.GetAsync("/Admin/Routing")).VisibleTextAsync();
        Assert.Contains("电子发票 → 电费管理中心", list);
        Assert.Contains("类型：投诉", list);
        Assert.Contains("渠道：网站", list);
        Assert.Contains("业务分类：其他", list);
        Assert.Contains("关键词：“电子发票”、“E-Invoice”、“开票”", list);
        var english = await (await admin.GetAsync("/Admin/Routing?culture=en")).VisibleTextAsync();
        Assert.Contains("Keywords: “电子发票”, “E-Invoice”, “开票”", english);
        Assert.Contains("Billing Centre", english);
    }

    [Fact]
    public async Task EditingARule_ChangesWhereNewCasesGo_AndTheFormShowsItsValues()
    {
        var admin = await _app.SignedInAsync(Admin);
        var keyword = NewKeyword();
        var id = await AddRuleAsync(admin, $"编辑 {keyword}", keyword, "billing-centre");

        var form = await (await admin.GetAsync($"/Admin/Routing/Edit/{id}")).TextAsync();
        Assert.Contains($"value=\"编辑 {keyword}\"", form);
        Assert.Contains(keyword, form);

        var saved = await admin.PostAsync($"/Admin/Routing/Edit/{id}", await RuleFormAsync($"编辑 {keyword}", keyword, "metering-centre", "High"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var filed = await _app.FileAsync($"关于{keyword}的投诉");
        Assert.Equal((await _app.DepartmentAsync("metering-centre"), Priority.High), (filed.DepartmentId, filed.Priority));
    }

    [Fact]
    public async Task MovingARuleUp_ChangesWhichRuleWins_AndTheOrderStaysContiguous()
    {
        var admin = await _app.SignedInAsync(Admin);
        var keyword = NewKeyword();
        await AddRuleAsync(admin, $"先 {keyword}", keyword, "billing-centre");
        var second = await AddRuleAsync(admin, $"后 {keyword}", keyword, "metering-centre");
        Assert.Equal(await _app.DepartmentAsync("billing-centre"), (await _app.FileAsync(keyword)).DepartmentId);

        var moved = await admin.PostAsync("/Admin/Routing", Forms.Fields(("id", second.ToString()), ("direction", "Up")), "/Admin/Routing?handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        Assert.Equal(await _app.DepartmentAsync("metering-centre"), (await _app.FileAsync(keyword)).DepartmentId);
        var orders = await OrdersAsync();
        Assert.Equal(Enumerable.Range(1, orders.Length), orders);
    }

    [Fact]
    public async Task ADisabledRule_IsSkipped_UntilItIsEnabledAgain()
    {
        var admin = await _app.SignedInAsync(Admin);
        var keyword = NewKeyword();
        var first = await AddRuleAsync(admin, $"停用 {keyword}", keyword, "billing-centre");
        await AddRuleAsync(admin, $"备用 {keyword}", keyword, "metering-centre");

        var disabled = await admin.PostAsync("/Admin/Routing", Forms.Fields(("id", first.ToString()), ("enabled", "false")), "/Admin/Routing?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Equal(await _app.DepartmentAsync("metering-centre"), (await _app.FileAsync(keyword)).DepartmentId);
        Assert.Contains("已停用", await (await admin.GetAsync("/Admin/Routing")).TextAsync());

        await admin.PostAsync("/Admin/Routing", Forms.Fields(("id", first.ToString()), ("enabled", "true")), "/Admin/Routing?handler=Enable");
        Assert.Equal(await _app.DepartmentAsync("billing-centre"), (await _app.FileAsync(keyword)).DepartmentId);
    }

    [Fact]
    public async Task DeletingARule_AsksFirst_ThenRemovesIt_AndTheOrderStaysContiguous()
    {
        var admin = await _app.SignedInAsync(Admin);
        var keyword = NewKeyword();
        var id = await AddRuleAsync(admin, $"删除 {keyword}", keyword, "billing-centre");
        await AddRuleAsync(admin, $"留下 {keyword}", keyword, "metering-centre");
        // Deleting an early rule must renumber everything below it.
        await admin.PostAsync("/Admin/Routing", Forms.Fields(("id", id.ToString()), ("direction", "Up")), "/Admin/Routing?handler=Move");

        var question = await admin.GetAsync($"/Admin/Routing/Delete/{id}");
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains("确定要删除这条规则吗？", await question.TextAsync());
        Assert.True(await _app.DbAsync(db => db.RoutingRules.AnyAsync(r => r.Id == id)));

        var deleted = await admin.PostAsync($"/Admin/Routing/Delete/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await _app.DbAsync(db => db.RoutingRules.AnyAsync(r => r.Id == id)));
        Assert.Equal(await _app.DepartmentAsync("metering-centre"), (await _app.FileAsync(keyword)).DepartmentId);
        var orders = await OrdersAsync();
        Assert.Equal(Enumerable.Range(1, orders.Length), orders);
    }

    public static TheoryData<string, string, string> BadRules => new()
    {
        { "Input.Name", "", "此项为必填项" },
        { "Input.DepartmentId", Guid.NewGuid().ToString(), "请选择一个存在且启用中的部门" },
        { "Input.DepartmentId", "not-a-guid", "“not-a-guid”不是有效的值" },
        { "Input.Priority", "Bogus", "“Bogus”不是有效的值" },
        { "Input.Kinds", "Alien", "“Alien”不是有效的值" },
        { "Input.Channels", "Pigeon", "“Pigeon”不是有效的值" },
        { "Input.CategoryIds", Guid.NewGuid().ToString(), "所选业务分类不存在" },
        { "Input.AreaIds", Guid.NewGuid().ToString(), "所选服务区域不存在" },
        { "Input.Keywords", "", "请至少设置一个条件，或勾选“全部接收”" },
        { "Input.Keywords", new string('长', 51), "超过 50 个字符" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public async Task ABadRule_Is400WithAMessage_AndWritesNothing(string field, string value, string message)
    {
        var admin = await _app.SignedInAsync(Admin);
        var fields = (await RuleFormAsync("坏规则 Bad rule", NewKeyword(), "billing-centre")).Where(f => f.Key != field).ToList();
        fields.Add(new(field, value));
        var before = await _app.DbAsync(db => db.RoutingRules.CountAsync());

        var response = await admin.PostAsync("/Admin/Routing/Edit", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
        Assert.Equal(before, await _app.DbAsync(db => db.RoutingRules.CountAsync()));
    }

    [Fact]
    public async Task ACatchAllRule_NeedsTheBoxTicked()
    {
        var admin = await _app.SignedInAsync(Admin);
        var fields = (await RuleFormAsync("全部接收 Catch-all", "", "service-centre")).ToList();
        var refused = await admin.PostAsync("/Admin/Routing/Edit", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        fields.Add(new("Input.CatchAll", "true"));
        var added = await admin.PostAsync("/Admin/Routing/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var id = await _app.DbAsync(db => db.RoutingRules.Where(r => r.Name == "全部接收 Catch-all").Select(r => r.Id).SingleAsync());
        Assert.Contains("全部接收（无条件）", await (await admin.GetAsync("/Admin/Routing")).TextAsync());
        // Leave the shared app as the other tests expect it: without a rule that takes everything.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Admin/Routing/Delete/{id}", [])).StatusCode);
    }

    [Theory]
    [InlineData("Direction", "Sideways")]
    [InlineData("id", "nope")]
    public async Task ABogusMove_Is400(string field, string value)
    {
        var admin = await _app.SignedInAsync(Admin);
        var id = await AddRuleAsync(admin, $"移动 {NewKeyword()}", NewKeyword(), "billing-centre");
        var fields = new Dictionary<string, string> { ["id"] = id.ToString(), ["direction"] = "Up" };
        fields[field.ToLowerInvariant()] = value;
        var before = await OrdersAsync();
        var response = await admin.PostAsync("/Admin/Routing", fields, "/Admin/Routing?handler=Move");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await OrdersAsync());
    }

    [Fact]
    public async Task AnUnknownRule_Is404()
    {
        var admin = await _app.SignedInAsync(Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Routing/Edit/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Routing/Delete/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PostAsync("/Admin/Routing", Forms.Fields(("id", Guid.NewGuid().ToString()), ("enabled", "false")), "/Admin/Routing?handler=Enable")).StatusCode);
    }

    [Theory]
    [InlineData("staff.billing@demo.local")]
    [InlineData("dispatcher@demo.local")]
    [InlineData("customer@demo.local")]
    public async Task NonAdmins_MayNotSeeThePages_NorSendTheCommands(string email)
    {
        var client = await _app.SignedInAsync(email);
        foreach (var page in new[] { "/Admin/Routing", "/Admin/Routing/Edit", "/Admin/Sla", "/Admin/Calendar", "/Admin/Calendar/Year/2026" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Error/403", response.Headers.Location?.AbsolutePath);
        }
        var rules = await _app.DbAsync(db => db.RoutingRules.Select(r => r.Id).ToListAsync());
        var fields = new RoutingRuleFields("越权 Not allowed", [], [], [], [], ["越权"], await _app.DepartmentAsync("billing-centre"), Priority.Normal);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(email, new AddRoutingRule(fields)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(email, new MoveRoutingRule(rules[^1], MoveDirection.Up)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(email, new EnableRoutingRule(rules[0], false)));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(email, new DeleteRoutingRule(rules[0])));
        Assert.Equal(rules, await _app.DbAsync(db => db.RoutingRules.Select(r => r.Id).ToListAsync()));
    }
}
