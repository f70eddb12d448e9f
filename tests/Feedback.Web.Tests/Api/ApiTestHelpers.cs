using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using Feedback.Domain.Api.Commands;
using Feedback.Domain.Api;
using Feedback.Domain.Data;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Api;

/// <summary>Keys, Open311 posts and response parsing for the API tests.</summary>
public static class ApiTestHelpers
{
    public const string Admin = "admin@demo.local";
    public const string Dispatcher = "dispatcher@demo.local";

    public static async Task<string> CreateKeyAsync(this FeedbackApp app, bool open311 = true, bool hotline = false, string? actingAs = null, string name = "Test partner") =>
        (await app.SendAsync(Admin, new CreateApiKey(name, open311, hotline, actingAs ?? (hotline ? Dispatcher : null)))).Secret;

    public static async Task RevokeKeyAsync(this FeedbackApp app, string secret)
    {
        var hash = ApiKey.Hash(secret);
        var id = await app.DbAsync(db => db.ApiKeys.Where(k => k.SecretHash == hash).Select(k => k.Id).SingleAsync());
        await app.SendAsync(Admin, new RevokeApiKey(id));
    }

    /// <summary>A valid Open311 request for the billing service; <paramref name="changes"/> override or (with null) remove fields.</summary>
    public static Dictionary<string, string> Open311Fields(string? key, params (string Name, string? Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["service_code"] = "billing",
            ["attribute[area]"] = "bincheng",
            ["attribute[kind]"] = "complaint",
            ["lat"] = "37.383456",
            ["long"] = "117.971234",
            ["description"] = "电费账单金额异常，本月比上月多出三倍。",
        };
        if (key is not null) fields["api_key"] = key;
        foreach (var (name, value) in changes)
        {
            if (value is null) fields.Remove(name);
            else fields[name] = value;
        }
        return fields;
    }

    public static Task<HttpResponseMessage> PostOpen311Async(this HttpClient client, Dictionary<string, string> fields, string format = "json") =>
        client.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(fields));

    public static async Task<string> FileOpen311Async(this HttpClient client, string key, params (string Name, string? Value)[] changes)
    {
        var response = await client.PostOpen311Async(Open311Fields(key, changes));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await JsonAsync(response))[0].GetProperty("service_request_id").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, string mediaType = "application/json")
    {
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement.Clone();
    }

    /// <summary>Parses the bytes as the UTF-8 XML document they claim to be (fails on anything else).</summary>
    public static async Task<XDocument> XmlAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Strict UTF-8: invalid byte sequences throw instead of turning into replacement characters.
        _ = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        using var stream = new MemoryStream(bytes);
        var document = XDocument.Load(stream);
        Assert.Equal("utf-8", document.Declaration?.Encoding, ignoreCase: true);
        return document;
    }

    public static HttpClient WithKey(this HttpClient client, string key)
    {
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public static HttpClient InEnglish(this HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        return client;
    }

    /// <summary>The request log is written in the background: wait (generously) for a line to arrive.</summary>
    public static async Task<List<ApiRequestLogEntry>> WaitForLogAsync(this FeedbackApp app, Func<FeedbackDbContext, IQueryable<ApiRequestLogEntry>> query, int atLeast = 1)
    {
        for (var attempt = 0; ; attempt++)
        {
            var rows = await app.DbAsync(db => query(db).ToListAsync());
            if (rows.Count >= atLeast || attempt > 200) return rows;
            await Task.Delay(50);
        }
    }
}

/// <summary>Cases filed through the web form's command, for checks that the APIs keep them apart.</summary>
public static class Filing
{
    public static async Task<Feedback.Domain.Cases.Commands.SubmitCase> WebCaseAsync(FeedbackApp app, Feedback.Domain.Cases.CaseKind kind)
    {
        var ids = await app.DbAsync(async db => new
        {
            Category = await db.Categories.Where(c => c.Code == "billing").Select(c => c.Id).SingleAsync(),
            Area = await db.ServiceAreas.Where(a => a.Code == "bincheng").Select(a => a.Id).SingleAsync(),
            Accused = await db.Departments.Where(d => d.Code == "billing-centre").Select(d => d.Id).SingleAsync(),
        });
        return new Feedback.Domain.Cases.Commands.SubmitCase(kind, Feedback.Domain.Cases.Channel.Web, ids.Category, ids.Area,
            "Web subject", "Filed on the web form.", false, "王五", "13800001111", null, null, null, "zh-CN", [],
            kind == Feedback.Domain.Cases.CaseKind.Report ? ids.Accused : null);
    }
}
