using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Supervision;
using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Supervision;

public sealed class ReviewTests(AppointmentTests.Fixture fixture) : IClassFixture<AppointmentTests.Fixture>
{
    private readonly SupervisionApp _app = fixture.App;

    [Fact]
    public async Task Review_WithTwoFindings_FilesTwoRoutedFindingCases_HeldToDeadlines()
    {
        var review = await _app.ReviewAsync(await _app.FindingAsync("conduct"), await _app.FindingAsync("billing", "缴费机故障无人处理"));
        var receipt = await _app.SendAsync(SupervisionApp.DemoSupervisor, review);

        Assert.Equal(2, receipt.FindingTrackingNumbers.Count);
        var supervisorId = await _app.DbAsync(db => db.Users.Where(u => u.Email == SupervisionApp.DemoSupervisor).Select(u => u.Id).SingleAsync());
        var point = await _app.ServicePointAsync("bincheng-hall");
        var conduct = await _app.CaseAsync(receipt.FindingTrackingNumbers[0]);
        var billing = await _app.CaseAsync(receipt.FindingTrackingNumbers[1]);
        foreach (var @case in new[] { conduct, billing })
        {
            Assert.Equal(CaseKind.SupervisionFinding, @case.Kind);
            Assert.Equal(Channel.SupervisorReview, @case.Channel);
            Assert.Equal(supervisorId, @case.SubmitterUserId);
            Assert.Equal(point, @case.ServicePointId);
            Assert.Equal(await _app.AreaAsync("bincheng"), @case.ServiceAreaId);
            Assert.Equal(CaseStatus.Assigned, @case.Status);
            Assert.NotNull(@case.ResolveBy);
        }
        // The shipped rules: conduct → the service centre, billing → the billing centre.
        Assert.Equal(await _app.DepartmentAsync("service-centre"), conduct.DepartmentId);
        Assert.Equal(await _app.DepartmentAsync("billing-centre"), billing.DepartmentId);

        var stored = await _app.DbAsync(db => db.Reviews.Include(r => r.Scores).Include(r => r.Findings).SingleAsync(r => r.Id == receipt.ReviewId));
        Assert.Equal(5, stored.Scores.Count);
        Assert.Equal(202611, stored.VisitMonth);
        Assert.Equal([conduct.Id, billing.Id], stored.Findings.Select(f => f.CaseId).Order().ToArray().OrderBy(x => x == billing.Id));
    }

    [Fact]
    public async Task Review_WithoutFindings_FilesNoCase()
    {
        var before = await _app.DbAsync(db => db.Cases.CountAsync());
        var receipt = await _app.SendAsync(SupervisionApp.DemoSupervisor, await _app.ReviewAsync());
        Assert.Empty(receipt.FindingTrackingNumbers);
        Assert.Equal(before, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    public static TheoryData<string> BadReviews => ["score 0", "score 6", "no score", "unknown dimension", "unknown point", "no point", "future visit",
        "department without area", "finding without subject", "finding with unknown category"];

    [Theory]
    [MemberData(nameof(BadReviews))]
    public async Task Review_WithBadInput_IsRefused_AndNothingIsStored(string what)
    {
        var valid = await _app.ReviewAsync(await _app.FindingAsync());
        var dimension = valid.Scores.Keys.First();
        var review = what switch
        {
            "score 0" => valid with { Scores = new Dictionary<Guid, int> { [dimension] = 0 } },
            "score 6" => valid with { Scores = new Dictionary<Guid, int> { [dimension] = 6 } },
            "no score" => valid with { Scores = new Dictionary<Guid, int>() },
            "unknown dimension" => valid with { Scores = new Dictionary<Guid, int> { [Guid.NewGuid()] = 3 } },
            "unknown point" => valid with { ServicePointId = Guid.NewGuid() },
            "no point" => valid with { ServicePointId = null },
            "future visit" => valid with { VisitedOn = SupervisionApp.Today.AddDays(1) },
            "department without area" => valid with { Target = ReviewTarget.Department, DepartmentId = await _app.DepartmentAsync("billing-centre") },
            "finding without subject" => valid with { Findings = [valid.Findings[0] with { Subject = " " }] },
            "finding with unknown category" => valid with { Findings = [valid.Findings[0] with { CategoryId = Guid.NewGuid() }] },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };
        var counts = await _app.DbAsync(async db => (await db.Reviews.CountAsync(), await db.Cases.CountAsync()));
        await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(SupervisionApp.DemoSupervisor, review));
        Assert.Equal(counts, await _app.DbAsync(async db => (await db.Reviews.CountAsync(), await db.Cases.CountAsync())));
    }

    [Fact]
    public async Task Review_OfADepartmentOrAnArea_NeedsThatTargetToExist()
    {
        var valid = await _app.ReviewAsync();
        var area = await _app.AreaAsync("boxing");
        var ofDepartment = await _app.SendAsync(SupervisionApp.DemoSupervisor,
            valid with { Target = ReviewTarget.Department, ServicePointId = null, DepartmentId = await _app.DepartmentAsync("operations"), ServiceAreaId = area });
        var stored = await _app.DbAsync(db => db.Reviews.SingleAsync(r => r.Id == ofDepartment.ReviewId));
        Assert.Equal((ReviewTarget.Department, (Guid?)null, area), (stored.Target, stored.ServicePointId, stored.ServiceAreaId));

        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(SupervisionApp.DemoSupervisor,
            valid with { Target = ReviewTarget.Area, ServicePointId = null, ServiceAreaId = Guid.NewGuid() }));
        Assert.Contains(error.Errors, e => e.Field == "ServiceAreaId" && e.Code == "Supervision.Review.UnknownTarget");
    }

    [Fact]
    public async Task Dimensions_RenamedOrRetired_KeepTheirScores_AndARetiredOneIsNoLongerAccepted()
    {
        var code = "queue-" + Guid.NewGuid().ToString("N")[..6];
        var id = await _app.SendAsync(SupervisionApp.Admin, new SaveReviewDimension(null, code, "排队时间", "Waiting time", 60));
        var review = await _app.ReviewAsync();
        await _app.SendAsync(SupervisionApp.DemoSupervisor, review with { Scores = new Dictionary<Guid, int> { [id] = 2 } });

        await _app.SendAsync(SupervisionApp.Admin, new SaveReviewDimension(id, code, "等候时间", "Time waiting", 60, IsActive: false));
        var rows = await _app.QueryAsync(SupervisionApp.Admin, new ListReviewDimensions(IncludeInactive: true));
        var row = Assert.Single(rows, d => d.Id == id);
        Assert.Equal(("等候时间", false, 1), (row.NameZh, row.IsActive, row.ScoreCount));
        Assert.DoesNotContain(await _app.QueryAsync(SupervisionApp.DemoSupervisor, new ListReviewDimensions()), d => d.Id == id);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(SupervisionApp.DemoSupervisor,
            review with { Scores = new Dictionary<Guid, int> { [id] = 3 } }));
        Assert.Contains(refused.Errors, e => e.Field == $"Scores[{id}]");
    }

    [Fact]
    public async Task Forum_FilesEachSuggestionAsASuggestionCase_OnChannelForum()
    {
        var area = await _app.AreaAsync("zouping");
        var supervisorId = await _app.DbAsync(db => db.Users.Where(u => u.Email == SupervisionApp.DemoSupervisor).Select(u => u.Id).SingleAsync());
        var receipt = await _app.SendAsync(SupervisionApp.DemoSupervisor, new RecordForum(SupervisionApp.Today, "邹平市黛溪营业厅会议室", area, 12, [supervisorId],
            [new(await _app.CategoryAsync("billing"), "希望增加夜间缴费渠道", "上班族白天无法到营业厅缴费。"),
             new(await _app.CategoryAsync("other"), "营业厅增设老年人服务窗口", "老年客户较多，希望有专人引导。")]));

        Assert.Equal(2, receipt.SuggestionTrackingNumbers.Count);
        foreach (var number in receipt.SuggestionTrackingNumbers)
        {
            var @case = await _app.CaseAsync(number);
            Assert.Equal((CaseKind.Suggestion, Channel.Forum, area), (@case.Kind, @case.Channel, @case.ServiceAreaId));
            Assert.NotNull(@case.DepartmentId);
            Assert.NotNull(@case.ResolveBy);
        }
        var forum = await _app.DbAsync(db => db.Forums.Include(f => f.Suggestions).SingleAsync(f => f.Id == receipt.ForumId));
        Assert.Equal(12, forum.CustomerCount);
        Assert.Equal(2, forum.Suggestions.Count);
    }

    [Fact]
    public async Task ReviewPage_PostsScoresAndFindings_AndRefusesAScoreOutOfRange()
    {
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(SupervisionApp.DemoSupervisor);
        var dimensions = await _app.DimensionIdsAsync();
        var point = await _app.ServicePointAsync("huimin-hall");
        var category = await _app.CategoryAsync("conduct");
        KeyValuePair<string, string>[] Form(string score) => [
            new("Input.Target", "ServicePoint"), new("Input.ServicePointId", point.ToString()), new("Input.VisitedOn", "2026-11-20"),
            new($"Input.Scores[{dimensions[0]}]", score), new($"Input.Scores[{dimensions[1]}]", ""),
            new("Input.Comments", "大厅整洁"),
            new("Input.Findings[0].CategoryId", category.ToString()), new("Input.Findings[0].Subject", "叫号系统故障"), new("Input.Findings[0].Description", "叫号屏不显示。"),
            new("Input.Findings[1].CategoryId", ""), new("Input.Findings[1].Subject", ""), new("Input.Findings[1].Description", "")];

        var refused = await client.PostAsync("/Supervisor/Review", Form("9"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("评分应在 1 至 5 之间", await refused.TextAsync());

        var done = await client.PostAsync("/Supervisor/Review", Form("5"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var detail = await (await client.GetAsync(done.Headers.Location!.OriginalString)).TextAsync();
        Assert.Contains("叫号系统故障", detail);
        Assert.Contains("惠民县城区营业厅", detail);

        var dashboardResponse = await client.GetAsync("/Supervisor");
        var dashboard = await dashboardResponse.TextAsync();
        Assert.True(dashboardResponse.StatusCode == HttpStatusCode.OK, $"{dashboardResponse.StatusCode} {dashboardResponse.Headers.Location} {dashboard[..Math.Min(3000, dashboard.Length)]}");
        Assert.Contains("叫号系统故障", dashboard);
        Assert.Contains("2026-11-20", dashboard);
    }

    [Fact]
    public async Task Report_AveragesScoresPerServicePointDimensionAndMonth_AndCountsFindingsAndActivity()
    {
        var point = await _app.ServicePointAsync("boxing-pay-1");
        var dimension = (await _app.DimensionIdsAsync())[0];
        var review = await _app.ReviewAsync(await _app.FindingAsync("metering", "电表箱锈蚀"));
        await _app.SendAsync(SupervisionApp.DemoSupervisor, review with { ServicePointId = point, Scores = new Dictionary<Guid, int> { [dimension] = 2 } });
        await _app.SendAsync(SupervisionApp.DemoSupervisor, review with { ServicePointId = point, Findings = [], Scores = new Dictionary<Guid, int> { [dimension] = 5 } });

        var report = await _app.QueryAsync("head.billing@demo.local", new GetSupervisionReport(202606, 202611));
        var cell = Assert.Single(report.Scores, c => c.ServicePointId == point && c.DimensionId == dimension);
        Assert.Equal((202611, 3.5, 2), (cell.Month, cell.Average, cell.Count));
        var metering = await _app.DepartmentAsync("metering-centre");
        Assert.Contains(report.FindingsByDepartment, d => d.DepartmentId == metering && d.Total >= 1);
        var activity = Assert.Single(report.Activity, a => a.Name == "行风监督员 吴静");
        Assert.True(activity.Reviews >= 2 && activity.Findings >= 1);
        Assert.Equal(6, report.Months.Count);

        var manager = _app.CreateBrowserClient();
        await manager.SignInAsync("dispatcher@demo.local");
        var page = await (await manager.GetAsync("/Reports/Supervision?from=2026-06&to=2026-11")).TextAsync();
        Assert.Contains("博兴县博城收费网点", page);
        Assert.Contains("<meter", page);
        var csv = await manager.GetAsync("/Reports/Supervision?handler=Csv&part=scores&from=2026-06&to=2026-11");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("博兴县博城收费网点", text);
        Assert.Contains("3.50", text);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/Reports/Supervision?from=2026-13&to=2026-11")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/Reports/Supervision?from=2026-11&to=2026-01")).StatusCode);
    }
}
