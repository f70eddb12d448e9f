using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
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

    /// <summary>
    /// The way FixMyStreet's client (perllib/Open311.pm) drives an endpoint, all in XML: the service list with
    /// metadata, each definition, POST requests (form fields, attribute[...] extras, jurisdiction_id, api_key),
    /// the token, GET requests by id list, then the updates loop: GET servicerequestupdates over its window and
    /// POST servicerequestupdates with a citizen's comment (update_id in the answer).
    /// </summary>
    [Fact]
    public async Task FixMyStreetsClient_FilesFollowsAndUpdates()
    {
        var key = await _app.CreateKeyAsync(name: "FixMyStreet journey client");
        var client = _app.CreateClient();

        var services = await ApiTestHelpers.XmlAsync(await client.GetAsync("/open311/v2/services.xml?jurisdiction_id=fms"));
        var billing = services.Root!.Elements("service").Single(s => s.Element("service_code")!.Value == "billing");
        Assert.Equal("true", billing.Element("metadata")!.Value);
        var definition = await ApiTestHelpers.XmlAsync(await client.GetAsync("/open311/v2/services/billing.xml?jurisdiction_id=fms"));
        var area = definition.Root!.Element("attributes")!.Elements("attribute").Single(a => a.Element("code")!.Value == "area");
        var areaCode = area.Element("values")!.Elements("value").First().Element("key")!.Value;

        var posted = await client.PostAsync("/open311/v2/requests.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = "fms", ["api_key"] = key, ["service_code"] = "billing", ["description"] = "电表箱门损坏，表计外露。",
            ["first_name"] = "Fang", ["last_name"] = "Wang", ["email"] = "wang.fang@example.com", ["lat"] = "37.38345", ["long"] = "117.97123",
            ["media_url"] = "https://fms.example.com/photo/1.full.jpeg", ["attribute[area]"] = areaCode, ["attribute[fixmystreet_id]"] = "1234",
        }));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var receipt = (await ApiTestHelpers.XmlAsync(posted)).Root!.Element("request")!;
        var id = receipt.Element("service_request_id")!.Value;
        var token = await ApiTestHelpers.XmlAsync(await client.GetAsync($"/open311/v2/tokens/{receipt.Element("token")!.Value}.xml?jurisdiction_id=fms"));
        Assert.Equal(id, token.Root!.Element("request")!.Element("service_request_id")!.Value);

        var listed = await ApiTestHelpers.XmlAsync(await client.GetAsync($"/open311/v2/requests.xml?jurisdiction_id=fms&service_request_id={id},261127-ZZZZZZ"));
        Assert.Equal(id, listed.Root!.Elements("request").Single().Element("service_request_id")!.Value);

        // The department resolves it; FixMyStreet's two-hour poll picks the update up.
        var caseId = await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id).Select(c => c.Id).SingleAsync());
        await _app.SendAsync("staff.billing@demo.local", new AcceptCase(caseId));
        await _app.SendAsync("staff.billing@demo.local", new ResolveCase(caseId, "已更换表箱门。"));
        var now = DateTimeOffset.UtcNow;
        var updates = await ApiTestHelpers.XmlAsync(await client.GetAsync(
            $"/open311/v2/servicerequestupdates.xml?jurisdiction_id=fms&api_key={key}&start_date={Uri.EscapeDataString(now.AddHours(-2).ToString("yyyy-MM-ddTHH:mm:ssZ"))}&end_date={Uri.EscapeDataString(now.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ"))}"));
        Assert.Equal("service_request_updates", updates.Root!.Name.LocalName);
        var update = updates.Root.Elements("request_update").Single(u => u.Element("service_request_id")!.Value == id);
        Assert.False(string.IsNullOrEmpty(update.Element("update_id")!.Value));
        Assert.Equal("open", update.Element("status")!.Value);
        Assert.Equal("已更换表箱门。", update.Element("description")!.Value);
        Assert.NotNull(update.Element("updated_datetime"));

        // The citizen answers on FixMyStreet; the client posts the comment back.
        var comment = await client.PostAsync("/open311/v2/servicerequestupdates.xml", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["jurisdiction_id"] = "fms", ["api_key"] = key, ["service_request_id"] = id, ["update_id"] = "5678", ["status"] = "OPEN",
            ["description"] = "门还是关不上。", ["first_name"] = "Fang", ["last_name"] = "Wang", ["email"] = "wang.fang@example.com",
            ["updated_datetime"] = now.ToString("yyyy-MM-ddTHH:mm:sszzz"),
        }));
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var updateId = (await ApiTestHelpers.XmlAsync(comment)).Root!.Element("request_update")!.Element("update_id")!.Value;
        var message = await _app.DbAsync(db => db.CaseEvents.SingleAsync(e => e.Id == Guid.ParseExact(updateId, "N")));
        Assert.Equal((caseId, CaseEventType.SubmitterMessage), (message.CaseId, message.Type));
    }
}
