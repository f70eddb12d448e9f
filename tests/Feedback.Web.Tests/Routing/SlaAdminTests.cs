using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Sla;
using Feedback.Domain.Sla.Commands;
using Feedback.Web.Tests.Infrastructure;
using Feedback.Web.Tests.Account;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Routing;

[Collection(RoutingCollection.Name)]
public sealed class SlaAdminTests(RoutingAppFixture fixture)
{
    private const string Admin = "admin@demo.local";
    private const string PraisePolicy = "表扬 Praise";
    private readonly RoutingApp _app = fixture.App;

    private Task<SlaPolicy> PolicyAsync(string name) => _app.DbAsync(db => db.SlaPolicies.SingleAsync(p => p.Name == name));

    private static Dictionary<string, string> Targets(string contact, string contactUnit, string resolve, string resolveUnit) =>
        Forms.Fields(("Input.ContactAmount", contact), ("Input.ContactUnit", contactUnit), ("Input.ResolveAmount", resolve), ("Input.ResolveUnit", resolveUnit));

    [Fact]
    public async Task ThePoliciesAreListedInOrder_WithTheirConditionsAndTargets_InBothLanguages()
    {
        var admin = await _app.SignedInAsync(Admin);
        var chinese = await (await admin.GetAsync("/Admin/Sla")).VisibleTextAsync();
        Assert.Contains("紧急停电 Urgent or high-priority outage 业务分类：停电及供电质量 优先级：紧急、高 2 个工作小时 1 个工作日", chinese);
        Assert.Contains("投诉 Complaint 类型：投诉 1 个工作日 5 个工作日", chinese);
        Assert.Contains("默认 Fallback 兜底（其他规则都不适用时）", chinese);
        var english = await (await admin.GetAsync("/Admin/Sla?culture=en")).VisibleTextAsync();
        Assert.Contains("投诉 Complaint Kinds: Complaint 1 working day 5 working days", english);
    }

    [Fact]
    public async Task NewTargets_ApplyToCasesFiledAfterwards()
    {
        _app.Clock.SetUtcNow(RoutingApp.NationalDayEve);
        var admin = await _app.SignedInAsync(Admin);
        var policy = await PolicyAsync(PraisePolicy);
        try
        {
            var saved = await admin.PostAsync($"/Admin/Sla/Edit/{policy.Id}", Targets("3", "WorkingHours", "2", "WorkingDays"));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            var praise = await _app.FileAsync("感谢抢修师傅", CaseKind.Praise);
            // Wed Sep 30 10:00: 3 working hours → 14:30 the same day (lunch 12:00–13:30); 2 working days (15 h) → Fri Oct 9 10:00.
            Assert.Equal(new DateTimeOffset(2026, 9, 30, 14, 30, 0, RoutingApp.Shanghai), praise.ContactBy);
            Assert.Equal(new DateTimeOffset(2026, 10, 9, 10, 0, 0, RoutingApp.Shanghai), praise.ResolveBy);
            Assert.Contains("表扬 Praise 类型：表扬 3 个工作小时 2 个工作日", await (await admin.GetAsync("/Admin/Sla")).VisibleTextAsync());
        }
        finally
        {
            await _app.SendAsync(Admin, new UpdateSlaTargets(policy.Id, policy.ContactTarget.Amount, policy.ContactTarget.Unit, policy.ResolveTarget.Amount, policy.ResolveTarget.Unit));
        }
    }

    [Theory]
    [InlineData("0", "WorkingDays", "5", "WorkingDays", "请输入 1 到 250 之间的整数")]
    [InlineData("2001", "WorkingHours", "5", "WorkingDays", "请输入 1 到 2000 之间的整数")]
    [InlineData("abc", "WorkingDays", "5", "WorkingDays", "“abc”不是有效的值")]
    [InlineData("1", "Fortnights", "5", "WorkingDays", "“Fortnights”不是有效的值")]
    [InlineData("6", "WorkingDays", "5", "WorkingDays", "首次联系时限不能长于办结时限")]
    public async Task BadTargets_Are400WithAMessage_AndChangeNothing(string contact, string contactUnit, string resolve, string resolveUnit, string message)
    {
        var admin = await _app.SignedInAsync(Admin);
        var before = await PolicyAsync(PraisePolicy);
        var response = await admin.PostAsync($"/Admin/Sla/Edit/{before.Id}", Targets(contact, contactUnit, resolve, resolveUnit));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.TextAsync());
        var after = await PolicyAsync(PraisePolicy);
        Assert.Equal((before.ContactTarget, before.ResolveTarget), (after.ContactTarget, after.ResolveTarget));
    }

    [Fact]
    public async Task OnlyAnAdmin_MayChangeTargets()
    {
        var policy = await PolicyAsync(PraisePolicy);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            _app.SendAsync("head.billing@demo.local", new UpdateSlaTargets(policy.Id, 1, TargetUnit.WorkingHours, 1, TargetUnit.WorkingDays)));
        var admin = await _app.SignedInAsync(Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Admin/Sla/Edit/{Guid.NewGuid()}")).StatusCode);
    }
}
