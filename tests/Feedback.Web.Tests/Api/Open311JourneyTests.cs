using System.Net;
using Feedback.Domain.Cases;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Api;

/// <summary>A request filed by an Open311 client is handled like any case: routed, held to a deadline, worked by staff.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311JourneyTests(ApiAppFixture fixture)
{
    private readonly FeedbackApp _app = fixture.App;

    [Fact]
    public async Task FiledThroughOpen311_IsRoutedDeadlinedAndInTheDepartmentsQueueAndCasePage()
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key, ("service_code", "outage"), ("description", "黄河五路整条街停电，已经三个小时。"),
            ("first_name", "明"), ("last_name", "王"), ("phone", "13700001234"));

        var @case = await _app.DbAsync(db => db.Cases.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == id));
        var operations = await _app.DbAsync(db => db.Departments.Where(d => d.Code == "operations").Select(d => d.Id).SingleAsync());
        Assert.Equal((Channel.Open311, CaseStatus.Assigned, operations), (@case.Channel, @case.Status, @case.DepartmentId!.Value));
        Assert.NotNull(@case.ContactBy);
        Assert.NotNull(@case.ResolveBy);
        Assert.Contains(@case.Events, e => e.Action == CaseAction.Route);

        var staff = _app.CreateBrowserClient();
        await staff.SignInAsync("staff.om@demo.local");
        var queue = await staff.GetStringAsync("/Staff/Queue");
        Assert.Contains(id, queue);
        var page = await staff.GetAsync($"/Staff/Case/{@case.Id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("黄河五路整条街停电", await page.Content.ReadAsStringAsync());

        // And the Open311 client sees it as the operations department's open request with its deadline.
        var request = (await ApiTestHelpers.JsonAsync(await _app.CreateClient().GetAsync($"/open311/v2/requests/{id}.json")))[0];
        Assert.Equal("运维检修部", request.GetProperty("agency_responsible").GetString());
        Assert.Equal(@case.ResolveBy!.Value, request.GetProperty("expected_datetime").GetDateTimeOffset());
    }

    [Fact]
    public async Task ARequestInAnotherDepartmentsCategory_IsNotInTheirQueue()
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key, ("service_code", "billing"));
        var staff = _app.CreateBrowserClient();
        await staff.SignInAsync("staff.om@demo.local");
        Assert.DoesNotContain(id, await staff.GetStringAsync("/Staff/Queue"));
    }
}
