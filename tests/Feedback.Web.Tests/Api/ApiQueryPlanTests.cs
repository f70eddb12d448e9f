using Feedback.Domain.Api.Queries;
using Feedback.Domain.Common;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Api;

/// <summary>The public Open311 list and the hotline change feed read ranges of their indexes, never the whole table.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApiQueryPlanTests(ApiAppFixture fixture)
{
    private readonly FeedbackApp _app = fixture.App;

    public static TheoryData<string> Open311Lists => new() { "window", "service", "status" };

    [Theory]
    [MemberData(nameof(Open311Lists))]
    public async Task Open311List_SearchesTheChannelIndex(string filter)
    {
        var now = DateTimeOffset.UtcNow;
        var query = new ListOpen311Requests([], [], null, null, filter == "status" ? true : null);
        var plan = await _app.DbAsync(async db =>
        {
            IReadOnlyList<Guid> category = filter == "service" ? [await db.Categories.Select(c => c.Id).FirstAsync()] : [];
            return await QueryPlan.ExplainAsync(db, ListOpen311RequestsHandler.Matching(db, query, category, now).ToQueryString());
        });
        Assert.Contains(plan, step => step.StartsWith("SEARCH c USING INDEX IX_Cases_Channel_", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN c", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangeFeed_SearchesTheEventTimeIndex()
    {
        var query = new ListCaseChanges(DateTimeOffset.UtcNow.AddDays(-1).UtcTicks, 100, DateTimeOffset.UtcNow);
        var plan = await _app.DbAsync(db => QueryPlan.ExplainAsync(db, ListCaseChangesHandler.Page(db, new Dispatcher(), query).ToQueryString()));
        Assert.Contains(plan, step => step.StartsWith("SEARCH c USING INDEX IX_CaseEvents_At", StringComparison.Ordinal));
    }

    private sealed class Dispatcher : ICurrentUser
    {
        public Guid? UserId => Guid.NewGuid();
        public string? DisplayName => "Dispatcher";
        public Guid? DepartmentId => null;
        public bool IsInRole(string role) => role == Roles.Dispatcher;
    }
}
