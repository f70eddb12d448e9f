using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Feedback.Domain.Cases;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Api;

/// <summary>The hotline JSON API (/api/v1): every endpoint, its errors, the key's acting identity and the change feed.</summary>
[Collection(ApiCollection.Name)]
public sealed class HotlineApiTests(ApiAppFixture fixture)
{
    private readonly FeedbackApp _app = fixture.App;

    private static object Filing(string category = "billing", string kind = "complaint", string? description = "来电反映电费多扣。") => new
    {
        kind,
        category,
        area = "bincheng",
        subject = "电费多扣",
        description,
        caller = new { name = "赵六", phone = "13900002222", email = "zhao.liu@example.com" },
    };

    private async Task<HttpClient> HotlineClientAsync(string? actingAs = null) =>
        _app.CreateClient().WithKey(await _app.CreateKeyAsync(open311: false, hotline: true, actingAs: actingAs));

    [Fact]
    public async Task FileCase_ForACaller_IsRoutedDeadlinedAndFiledByTheKeysAccount()
    {
        var client = await HotlineClientAsync();
        var response = await client.PostAsJsonAsync("/api/v1/cases", Filing());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiTestHelpers.JsonAsync(response);
        var number = body.GetProperty("trackingNumber").GetString()!;
        Assert.Equal($"/api/v1/cases/{number}", response.Headers.Location?.OriginalString);
        Assert.Matches(@"^\d{6}$", body.GetProperty("accessPin").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("resolveBy").ValueKind);

        var stored = await _app.DbAsync(db => db.Cases.Include(c => c.Events).SingleAsync(c => c.TrackingNumber == number));
        Assert.Equal(Channel.Api, stored.Channel);
        Assert.NotNull(stored.DepartmentId);
        Assert.NotNull(stored.ResolveBy);
        var submitted = stored.Events.Single(e => e.Type == CaseEventType.Submitted);
        Assert.Equal(Actor.Dispatcher, submitted.ActorCapacity);
        Assert.Contains("Test partner", submitted.ActorName);
        Assert.NotNull(stored.FiledByUserId);
    }

    [Fact]
    public async Task ReadCase_ReplyAndNote_AppearOnTheTimeline()
    {
        var client = await HotlineClientAsync();
        var number = (await ApiTestHelpers.JsonAsync(await client.PostAsJsonAsync("/api/v1/cases", Filing()))).GetProperty("trackingNumber").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{number}/replies", new { text = "已转电费中心核查。" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{number}/notes", new { text = "来电人情绪激动。" })).StatusCode);

        var read = await ApiTestHelpers.JsonAsync(await client.GetAsync($"/api/v1/cases/{number}"));
        Assert.Equal(number, read.GetProperty("trackingNumber").GetString());
        Assert.Equal("Assigned", read.GetProperty("status").GetString());
        Assert.Equal("赵六", read.GetProperty("caller").GetProperty("name").GetString());
        var timeline = read.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "PublicReply" && e.GetProperty("public").GetBoolean() && e.GetProperty("text").GetString() == "已转电费中心核查。");
        Assert.Contains(timeline, e => e.GetProperty("type").GetString() == "InternalNote" && !e.GetProperty("public").GetBoolean());
    }

    [Fact]
    public async Task AStaffKey_SeesOnlyItsDepartment_OtherCasesAreNotFound()
    {
        var dispatcher = await HotlineClientAsync();
        var outage = (await ApiTestHelpers.JsonAsync(await dispatcher.PostAsJsonAsync("/api/v1/cases", Filing(category: "outage", description: "小区停电")))).GetProperty("trackingNumber").GetString();
        var billingStaff = await HotlineClientAsync(actingAs: "staff.billing@demo.local");

        Assert.Equal(HttpStatusCode.NotFound, (await billingStaff.GetAsync($"/api/v1/cases/{outage}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await billingStaff.PostAsJsonAsync($"/api/v1/cases/{outage}/notes", new { text = "x" })).StatusCode);
    }

    [Fact]
    public async Task AStaffKey_MayNotFileForCallers_OnlyTheServiceCentreDoes()
    {
        var billingStaff = await HotlineClientAsync(actingAs: "staff.billing@demo.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await billingStaff.PostAsJsonAsync("/api/v1/cases", Filing())).StatusCode);
    }

    [Fact]
    public async Task Changes_PageThroughEveryEntryOnceInOrder_AndTheCursorResumes()
    {
        var client = await HotlineClientAsync();
        var first = await ApiTestHelpers.JsonAsync(await client.GetAsync("/api/v1/changes?limit=500"));
        var cursor = first.GetProperty("cursor").GetString();
        Assert.Equal(JsonValueKind.String, first.GetProperty("cursor").ValueKind);
        while (first.GetProperty("hasMore").GetBoolean())
        {
            first = await ApiTestHelpers.JsonAsync(await client.GetAsync($"/api/v1/changes?after={cursor}&limit=500"));
            cursor = first.GetProperty("cursor").GetString();
        }

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
            numbers.Add((await ApiTestHelpers.JsonAsync(await client.PostAsJsonAsync("/api/v1/cases", Filing()))).GetProperty("trackingNumber").GetString()!);

        var seen = new List<JsonElement>();
        for (var guard = 0; guard < 50; guard++)
        {
            var page = await ApiTestHelpers.JsonAsync(await client.GetAsync($"/api/v1/changes?after={cursor}&limit=1"));
            seen.AddRange(page.GetProperty("changes").EnumerateArray());
            cursor = page.GetProperty("cursor").GetString();
            if (!page.GetProperty("hasMore").GetBoolean()) break;
        }

        var ids = seen.Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var number in numbers)
        {
            Assert.Contains(seen, c => c.GetProperty("trackingNumber").GetString() == number && c.GetProperty("type").GetString() == "Submitted");
            Assert.Contains(seen, c => c.GetProperty("trackingNumber").GetString() == number && c.GetProperty("action").GetString() == "Route");
        }
        var times = seen.Select(c => c.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        // The submitter's own name is not in the feed.
        Assert.All(seen.Where(c => c.GetProperty("capacity").GetString() == "Submitter"), c => Assert.Equal("", c.GetProperty("actor").GetString()));

        var after = await ApiTestHelpers.JsonAsync(await client.GetAsync($"/api/v1/changes?after={cursor}"));
        Assert.Empty(after.GetProperty("changes").EnumerateArray());
        Assert.Equal(cursor, after.GetProperty("cursor").GetString());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("after=-5")]
    [InlineData("after=yesterday")]
    public async Task Changes_WithBadParameters_Is400(string query)
    {
        var client = await HotlineClientAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/changes?" + query)).StatusCode);
    }

    [Fact]
    public async Task BadFiling_Is400WithLocalisedFieldErrors_AndFilesNothing()
    {
        var client = await HotlineClientAsync();
        var before = await _app.DbAsync(db => db.Cases.CountAsync());

        var chinese = await client.PostAsJsonAsync("/api/v1/cases", new { kind = "rumour", category = "nope", area = "bincheng", subject = "", description = "x" });
        var english = await client.InEnglish().PostAsJsonAsync("/api/v1/cases", new { kind = "complaint", category = "nope", area = "bincheng", subject = "s", description = "d" });

        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var errors = (await ApiTestHelpers.JsonAsync(chinese, "application/problem+json")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.Contains("不存在代码为“nope”的有效条目", errors.GetProperty("category")[0].GetString());
        var englishErrors = (await ApiTestHelpers.JsonAsync(english, "application/problem+json")).GetProperty("errors");
        Assert.Equal("There is no active entry with code \"nope\".", englishErrors.GetProperty("category")[0].GetString());
        Assert.Equal(before, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task CommandValidation_NamesTheJsonFields()
    {
        var client = await HotlineClientAsync();
        var response = await client.InEnglish().PostAsJsonAsync("/api/v1/cases", new { kind = "complaint", category = "billing", area = "bincheng", subject = "s", description = "", caller = new { name = "A", phone = "123" } });
        var errors = (await ApiTestHelpers.JsonAsync(response, "application/problem+json")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("caller.phone", out _));
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("kind=complaint", "application/x-www-form-urlencoded")]
    public async Task NotJson_Is400(string body, string contentType)
    {
        var client = await HotlineClientAsync();
        var response = await client.PostAsync("/api/v1/cases", new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ReplyWithoutText_Is400_AndUnknownCaseIs404()
    {
        var client = await HotlineClientAsync();
        var number = (await ApiTestHelpers.JsonAsync(await client.PostAsJsonAsync("/api/v1/cases", Filing()))).GetProperty("trackingNumber").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/cases/{number}/replies", new { text = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/cases/261127-ZZZZZZ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/nothing")).StatusCode);
    }

    [Fact]
    public async Task WithoutAKey_OrWithAnOpen311Key_Is403()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClient().GetAsync("/api/v1/changes")).StatusCode);
        var open311 = _app.CreateClient().WithKey(await _app.CreateKeyAsync(open311: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await open311.GetAsync("/api/v1/changes")).StatusCode);
    }

    [Fact]
    public async Task ARevokedKey_Is403_AndFilesNothing()
    {
        var key = await _app.CreateKeyAsync(open311: false, hotline: true);
        var client = _app.CreateClient().WithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/changes")).StatusCode);
        await _app.RevokeKeyAsync(key);
        var before = await _app.DbAsync(db => db.Cases.CountAsync());

        var response = await client.PostAsJsonAsync("/api/v1/cases", Filing());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("API 密钥已被吊销。", (await ApiTestHelpers.JsonAsync(response, "application/problem+json")).GetProperty("title").GetString());
        Assert.Equal(before, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task BearerHeader_WorksLikeTheKeyHeader()
    {
        var key = await _app.CreateKeyAsync(open311: false, hotline: true);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/changes")).StatusCode);
    }

    [Fact]
    public async Task ASignedInDispatchersCookie_DoesNotAuthenticateTheApi()
    {
        var browser = _app.CreateBrowserClient();
        await browser.SignInAsync(ApiTestHelpers.Dispatcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.PostAsJsonAsync("/api/v1/cases", Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/v1/changes")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheHotlineApi()
    {
        var response = await _app.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/cases", paths);
        Assert.Contains("/api/v1/cases/{trackingNumber}", paths);
        Assert.Contains("/api/v1/cases/{trackingNumber}/replies", paths);
        Assert.Contains("/api/v1/cases/{trackingNumber}/notes", paths);
        Assert.Contains("/api/v1/changes", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/open311", StringComparison.Ordinal));
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/cases").GetProperty("post").TryGetProperty("requestBody", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task OpenApiDocument_NamesOperations_DeclaresBothKeySchemes_ErrorsAndEnums()
    {
        var document = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.All(document.GetProperty("servers").EnumerateArray(), s => Assert.False(s.GetProperty("url").GetString()!.EndsWith('/')));
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Operation: op.Value))).ToList();
        Assert.Equal(["AddNote", "FileCase", "GetCase", "ListChanges", "PostReply"], operations.Select(o => o.Operation.GetProperty("operationId").GetString()).Order());
        foreach (var (path, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("description").GetString()));
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("403", out _), path);
            Assert.True(responses.TryGetProperty("429", out _), path);
            Assert.Equal(path.Contains("{trackingNumber}"), responses.TryGetProperty("404", out _));
        }
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(("http", "bearer"), (schemes.GetProperty("Bearer").GetProperty("type").GetString(), schemes.GetProperty("Bearer").GetProperty("scheme").GetString()));
        Assert.Equal(2, document.GetProperty("security").GetArrayLength());
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var filing = schemas.GetProperty("FileCaseRequest").GetProperty("properties");
        Assert.Equal(["complaint", "suggestion", "report", "praise", null], filing.GetProperty("kind").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()));
        Assert.Contains("en", filing.GetProperty("language").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()));
        Assert.Contains("Resolved", schemas.GetProperty("CaseDocument").GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Contains("a phone or an email", document.GetRawText());
    }

    [Fact]
    public async Task TheResponseCheck_FindsTheRecordedResponses_AndWhatTheDocumentDoesNotDescribe()
    {
        var client = _app.CreateClient().WithKey(await _app.CreateKeyAsync(open311: false, hotline: true));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/changes")).StatusCode);
        var recorded = fixture.Recording.Responses.Where(r => r.Pattern?.EndsWith("changes") == true).ToList();
        var (count, problems) = fixture.Recording.Mismatches(recorded);
        Assert.True(count >= 1);
        Assert.Empty(problems);

        var changes = recorded.First(r => r.Status == 200);
        var badEnum = changes with { Body = "{\"changes\":[{\"id\":\"1\",\"trackingNumber\":\"x\",\"at\":\"2026-01-01T00:00:00Z\",\"type\":\"Bogus\",\"action\":null,\"fromStatus\":null,\"toStatus\":null,\"public\":true,\"text\":null,\"actor\":\"\",\"capacity\":\"Staff\"}],\"cursor\":\"1\",\"hasMore\":false}"u8.ToArray() };
        var missing = changes with { Body = "{\"cursor\":1}"u8.ToArray() };
        var undocumented = changes with { Status = 418 };
        var (_, found) = fixture.Recording.Mismatches([badEnum, missing, undocumented]);
        Assert.Contains(found, p => p.Contains("$.changes[0].type") && p.Contains("not one of the documented values"));
        Assert.Contains(found, p => p.Contains("$.cursor: is integer"));
        Assert.Contains(found, p => p.Contains("$.changes: required but missing"));
        Assert.Contains(found, p => p.Contains("418: status not documented"));
    }

    [Fact]
    public async Task EveryRequest_IsLoggedAgainstItsKey()
    {
        var key = await _app.CreateKeyAsync(open311: false, hotline: true, name: "Logged partner");
        var client = _app.CreateClient().WithKey(key);
        await client.GetAsync("/api/v1/changes");
        await client.GetAsync("/api/v1/cases/261127-ZZZZZZ");
        var hash = Feedback.Domain.Api.ApiKey.Hash(key);
        var id = await _app.DbAsync(db => db.ApiKeys.Where(k => k.SecretHash == hash).Select(k => k.Id).SingleAsync());

        var rows = await _app.WaitForLogAsync(db => db.ApiRequestLog.Where(e => e.ApiKeyId == id), atLeast: 2);

        Assert.Equal([("GET", "/api/v1/cases/261127-ZZZZZZ", 404), ("GET", "/api/v1/changes", 200)],
            rows.Select(r => (r.Method, r.Path, r.Status)).Order());
    }
}
