using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Feedback.Domain.Api;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Api;

/// <summary>
/// What the public Open311 reads publish (ADR 0022): masked descriptions, only public milestones as notes and
/// updates, updated_datetime moved only by them; and what Open311 clients send reaching the handlers
/// (location, media, multipart photos, citizen updates through POST servicerequestupdates).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class Open311PublicationTests(ApiAppFixture fixture)
{
    private readonly FeedbackApp _app = fixture.App;
    private const string Staff = "staff.billing@demo.local";
    private const string PersonalDescription = "电话 138-1234-5678，邮箱 wang.fang@example.com，户号：3701234567，住黄河路88号，电费多扣了。";

    /// <summary>The list documents (service_requests, service_request_updates) in either format, as name → text.</summary>
    internal static async Task<List<Dictionary<string, string?>>> ItemsAsync(HttpResponseMessage response, string format)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (format == "json")
            return (await ApiTestHelpers.JsonAsync(response)).EnumerateArray()
                .Select(item => item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                })).ToList();
        var xml = await ApiTestHelpers.XmlAsync(response);
        return xml.Root!.Elements().Select(item => item.Elements().ToDictionary(e => e.Name.LocalName, e => e.IsEmpty || e.Value.Length == 0 ? null : (string?)e.Value)).ToList();
    }

    private async Task<(string Id, Guid CaseId)> FileAsync(params (string Name, string? Value)[] changes)
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key, changes);
        return (id, await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id).Select(c => c.Id).SingleAsync()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task TheDescription_IsMasked_InTheListAndById(string format)
    {
        var (id, _) = await FileAsync(("description", PersonalDescription), ("phone", "13812345678"), ("first_name", "芳"), ("last_name", "王"));

        foreach (var path in new[] { $"/open311/v2/requests/{id}.{format}", $"/open311/v2/requests.{format}?service_request_id={id}" })
        {
            var response = await _app.CreateClient().GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { "138-1234-5678", "wang.fang@example.com", "3701234567", "88号" })
                Assert.DoesNotContain(secret, body);
            var request = (await ItemsAsync(response, format)).Single();
            Assert.Contains("电费多扣了", request["description"]);
            Assert.Contains("138****5678", request["description"]);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task StatusNotes_AndUpdatedDatetime_MoveOnlyWithPublicMilestones(string format)
    {
        var (id, caseId) = await FileAsync(("phone", "13812345678"));
        async Task<Dictionary<string, string?>> RequestAsync() => (await ItemsAsync(await _app.CreateClient().GetAsync($"/open311/v2/requests/{id}.{format}"), format)).Single();
        var filed = await RequestAsync();

        // Internal work and the conversation with the customer are not published and do not move updated_datetime.
        await _app.SendAsync(Staff, new AcceptCase(caseId));
        await _app.SendAsync(Staff, new AddInternalNote(caseId, "internal only: customer called twice"));
        await _app.SendAsync(Staff, new PostPublicReply(caseId, "王先生您好，我们会致电 13812345678 与您核对。"));
        var worked = await RequestAsync();
        Assert.Null(worked["status_notes"]);
        Assert.Equal(filed["requested_datetime"], worked["updated_datetime"]);

        await _app.SendAsync(Staff, new ResolveCase(caseId, "已退还多扣电费，如有疑问请拨打 13812345678 联系我们。"));
        var resolved = await RequestAsync();
        var resolvedAt = await _app.DbAsync(db => db.CaseEvents.Where(e => e.CaseId == caseId && e.Action == CaseAction.Resolve).Select(e => e.At).SingleAsync());
        Assert.Equal("已退还多扣电费，如有疑问请拨打 138****5678 联系我们。", resolved["status_notes"]);
        Assert.True(Math.Abs((resolvedAt - DateTimeOffset.Parse(resolved["updated_datetime"]!)).TotalSeconds) < 1);
        Assert.True(DateTimeOffset.Parse(resolved["updated_datetime"]!) >= DateTimeOffset.Parse(filed["requested_datetime"]!));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task ServiceRequestUpdates_ListsThePublicUpdatesInTheWindow_Masked(string format)
    {
        var (id, caseId) = await FileAsync(("phone", "13812345678"));
        await _app.SendAsync(Staff, new AcceptCase(caseId));
        await _app.SendAsync(Staff, new AddInternalNote(caseId, "internal only"));
        await _app.SendAsync(Staff, new ResolveCase(caseId, "已处理，回访电话 13812345678。"));
        var eventId = await _app.DbAsync(db => db.CaseEvents.Where(e => e.CaseId == caseId && e.Action == CaseAction.Resolve).Select(e => e.Id).SingleAsync());
        var now = DateTimeOffset.UtcNow;
        var window = $"start_date={Uri.EscapeDataString(now.AddHours(-2).ToString("O"))}&end_date={Uri.EscapeDataString(now.AddMinutes(5).ToString("O"))}";

        var response = await _app.CreateClient().GetAsync($"/open311/v2/servicerequestupdates.{format}?{window}");
        if (format == "xml")
        {
            var copy = await ApiTestHelpers.XmlAsync(response);
            Assert.Equal("service_request_updates", copy.Root!.Name.LocalName);
            Assert.All(copy.Root.Elements(), e => Assert.Equal("request_update", e.Name.LocalName));
        }
        var updates = (await ItemsAsync(response, format)).Where(u => u["service_request_id"] == id).ToList();

        var update = Assert.Single(updates);
        Assert.Equal(["update_id", "service_request_id", "status", "description", "updated_datetime", "media_url"], update.Keys);
        Assert.Equal(eventId.ToString("N"), update["update_id"]);
        Assert.Equal("open", update["status"]);
        Assert.Equal("已处理，回访电话 138****5678。", update["description"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", update["updated_datetime"]);

        // Outside the window, or on a later page, it is not listed.
        var before = $"start_date={Uri.EscapeDataString(now.AddDays(-3).ToString("O"))}&end_date={Uri.EscapeDataString(now.AddDays(-2).ToString("O"))}";
        Assert.DoesNotContain(await ItemsAsync(await _app.CreateClient().GetAsync($"/open311/v2/servicerequestupdates.{format}?{before}"), format), u => u["service_request_id"] == id);
        Assert.Empty(await ItemsAsync(await _app.CreateClient().GetAsync($"/open311/v2/servicerequestupdates.{format}?{window}&page=2"), format));
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=x")]
    [InlineData("start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z")]
    public async Task ServiceRequestUpdates_WithBadArguments_Is400(string query)
    {
        await Open311ContractTests.AssertErrorAsync(await _app.CreateClient().GetAsync("/open311/v2/servicerequestupdates.xml?" + query), HttpStatusCode.BadRequest, "xml");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostServiceRequestUpdate_AppendsTheCitizensMessage_AndAnswersWithItsId(string format)
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key);
        var response = await _app.CreateClient().PostAsync($"/open311/v2/servicerequestupdates.{format}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_request_id"] = id, ["update_id"] = "fms-248", ["status"] = "OPEN",
            ["description"] = "今天又多扣了一次。", ["first_name"] = "Fang", ["last_name"] = "Wang",
            ["updated_datetime"] = "2026-12-03T10:00:00+08:00", ["email"] = "wang.fang@example.com",
        }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var updateId = (await ItemsAsync(response, format)).Single()["update_id"];

        var entry = await _app.DbAsync(db => db.CaseEvents.Where(e => e.Id == Guid.ParseExact(updateId!, "N")).SingleAsync());
        Assert.Equal((CaseEventType.SubmitterMessage, Actor.Submitter, true), (entry.Type, entry.ActorCapacity, entry.IsPublic));
        Assert.StartsWith("今天又多扣了一次。", entry.Text);
        // The citizen's words stay between them and the handlers: not a public update.
        var updates = await _app.CreateClient().GetStringAsync("/open311/v2/servicerequestupdates.json");
        Assert.DoesNotContain("今天又多扣了一次", updates);

        var staff = _app.CreateBrowserClient();
        await staff.SignInAsync(Staff);
        var caseId = entry.CaseId;
        Assert.Contains("今天又多扣了一次。", await staff.GetStringAsync($"/Staff/Case/{caseId}"));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostServiceRequestUpdate_WithoutKey_Is403_AndForAnUnknownRequest_Is404(string format)
    {
        var key = await _app.CreateKeyAsync();
        var noKey = await _app.CreateClient().PostAsync($"/open311/v2/servicerequestupdates.{format}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["service_request_id"] = "261127-ZZZZZZ", ["description"] = "x",
        }));
        await Open311ContractTests.AssertErrorAsync(noKey, HttpStatusCode.Forbidden, format);
        var unknown = await _app.CreateClient().PostAsync($"/open311/v2/servicerequestupdates.{format}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_request_id"] = "261127-ZZZZZZ", ["description"] = "x",
        }));
        await Open311ContractTests.AssertErrorAsync(unknown, HttpStatusCode.NotFound, format);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostServiceRequestUpdate_ToAnotherClientsRequest_Is404_AndAddsNothing(string format)
    {
        var filer = await _app.CreateKeyAsync(name: "Client that filed");
        var other = await _app.CreateKeyAsync(name: "Another client");
        var id = await _app.CreateClient().FileOpen311Async(filer);
        var caseId = await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id).Select(c => c.Id).SingleAsync());
        var before = await _app.DbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId));

        var response = await _app.CreateClient().PostAsync($"/open311/v2/servicerequestupdates.{format}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = other, ["service_request_id"] = id, ["description"] = "不是我提交的，也想留言",
        }));

        // Another client's request id is as unknown to this key as a made-up one: the same 404, nothing written.
        await Open311ContractTests.AssertErrorAsync(response, HttpStatusCode.NotFound, format);
        Assert.Equal(before, await _app.DbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId)));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostServiceRequestUpdate_SentAgainWithTheSameClientUpdateId_AnswersTheSameUpdate_AndAddsNothing(string format)
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key);
        var caseId = await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id).Select(c => c.Id).SingleAsync());
        HttpContent Update(string clientId, string text) => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_request_id"] = id, ["update_id"] = clientId, ["description"] = text,
        });
        async Task<string?> PostAsync(string clientId, string text)
        {
            var response = await _app.CreateClient().PostAsync($"/open311/v2/servicerequestupdates.{format}", Update(clientId, text));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await ItemsAsync(response, format)).Single()["update_id"];
        }

        // FixMyStreet posts again when it did not hear back, and may do so while the first is still being saved.
        var first = await PostAsync("fms-77", "路灯旁的电表箱门又开了");
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync("fms-77", "路灯旁的电表箱门又开了")));
        var other = await PostAsync("fms-78", "今天有人来看过了");

        Assert.All(again, updateId => Assert.Equal(first, updateId));
        Assert.NotEqual(first, other);
        Assert.Equal(2, await _app.DbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == caseId && e.Type == CaseEventType.SubmitterMessage)));
    }

    [Fact]
    public async Task LocationAndMedia_AreShownOnTheStaffCasePage_AndInTheHotlineApi()
    {
        var (id, caseId) = await FileAsync(("lat", "37.383456"), ("long", "117.971234"), ("address_string", "滨城区黄河五路与渤海路路口"),
            ("address_id", "addr-9"), ("media_url", "https://photos.example.com/meter.jpg"));

        var staff = _app.CreateBrowserClient();
        await staff.SignInAsync(Staff);
        var page = await staff.GetStringAsync($"/Staff/Case/{caseId}");
        Assert.Contains("37.383456, 117.971234", page);
        Assert.Contains("滨城区黄河五路与渤海路路口", page);
        Assert.Contains("addr-9", page);
        Assert.Contains("href=\"https://photos.example.com/meter.jpg\"", page);

        var hotline = _app.CreateClient().WithKey(await _app.CreateKeyAsync(open311: false, hotline: true));
        var document = await hotline.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}");
        var location = document.GetProperty("location");
        Assert.Equal(37.383456, location.GetProperty("latitude").GetDouble());
        Assert.Equal(117.971234, location.GetProperty("longitude").GetDouble());
        Assert.Equal("滨城区黄河五路与渤海路路口", location.GetProperty("addressString").GetString());
        Assert.Equal("addr-9", location.GetProperty("addressId").GetString());
        Assert.Equal("https://photos.example.com/meter.jpg", location.GetProperty("mediaUrl").GetString());
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, params (string Part, string FileName, byte[] Bytes, string Type)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        foreach (var (part, fileName, bytes, type) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            content.Add(file, part, fileName);
        }
        return content;
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PhotosPostedAsMultipartParts_BecomeAttachments(string format)
    {
        var key = await _app.CreateKeyAsync();
        var response = await _app.CreateClient().PostAsync($"/open311/v2/requests.{format}",
            Multipart(ApiTestHelpers.Open311Fields(key), ("photo1", "meter.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await ItemsAsync(response, format)).Single()["service_request_id"];
        var attachments = await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id).SelectMany(c => c.Attachments).ToListAsync());
        Assert.Equal("image/png", Assert.Single(attachments).ContentType);

        // And on a citizen update.
        var update = await _app.CreateClient().PostAsync($"/open311/v2/servicerequestupdates.{format}",
            Multipart(new() { ["api_key"] = key, ["service_request_id"] = id!, ["description"] = "又拍了一张" }, ("photo1", "again.png", Png, "image/png")));
        Assert.Equal(HttpStatusCode.Created, update.StatusCode);
        Assert.Equal(2, await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id).SelectMany(c => c.Attachments).CountAsync()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task APhotoThatIsNotAnImage_Is400_AndFilesNothing(string format)
    {
        var key = await _app.CreateKeyAsync();
        var before = await _app.DbAsync(db => db.Cases.CountAsync());
        var response = await _app.CreateClient().PostAsync($"/open311/v2/requests.{format}",
            Multipart(ApiTestHelpers.Open311Fields(key), ("photo1", "meter.png", "MZ not an image"u8.ToArray(), "image/png")));
        await Open311ContractTests.AssertErrorAsync(response, HttpStatusCode.BadRequest, format);
        Assert.Equal(before, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Attributes_CarryTheContent_WhenThereIsNoDescription_IncludingMultiValueLists(string format)
    {
        var key = await _app.CreateKeyAsync();
        var fields = ApiTestHelpers.Open311Fields(key, ("description", null)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList();
        fields.Add(new("attribute[meter][]", "display blank"));
        fields.Add(new("attribute[meter][]", "clicking"));
        fields.Add(new("attribute[uprn]", "10001"));
        var response = await _app.CreateClient().PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await ItemsAsync(response, format)).Single()["service_request_id"];
        var description = await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id).Select(c => c.Description).SingleAsync());
        Assert.Contains("meter: display blank, clicking", description);
        Assert.Contains("uprn: 10001", description);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task GetRequests_TakesCommaListsOfServicesAndStatuses_AndIdsOverrideEverythingElse(string format)
    {
        var key = await _app.CreateKeyAsync();
        var client = _app.CreateClient();
        var billing = await client.FileOpen311Async(key);
        var outage = await client.FileOpen311Async(key, ("service_code", "outage"), ("description", "整条街停电两个小时了"));
        async Task<List<string?>> IdsAsync(string query) =>
            (await ItemsAsync(await client.GetAsync($"/open311/v2/requests.{format}?" + query), format)).Select(r => r["service_request_id"]).ToList();

        var both = await IdsAsync("service_code=billing,outage&status=open,closed");
        Assert.Contains(billing, both);
        Assert.Contains(outage, both);
        Assert.Equal([billing], await IdsAsync($"service_request_id={billing}&service_code=outage&status=closed&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z"));
    }
}
