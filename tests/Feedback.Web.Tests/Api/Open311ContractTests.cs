using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Api;

/// <summary>Open311 GeoReport v2: every resource in both formats, field names and types as the spec has them, and every error path.</summary>
[Collection(ApiCollection.Name)]
public sealed class Open311ContractTests(ApiAppFixture fixture)
{
    private readonly FeedbackApp _app = fixture.App;

    [Fact]
    public async Task Discovery_InJson_ListsTheEndpointAndBothFormats()
    {
        var json = await ApiTestHelpers.JsonAsync(await _app.CreateClient().GetAsync("/open311/v2/discovery.json"));
        Assert.Equal(JsonValueKind.String, json.GetProperty("changeset").ValueKind);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("contact").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("key_service").GetString()));
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal("production", endpoint.GetProperty("type").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Discovery_InXml_UsesTheSpecElements()
    {
        var xml = await ApiTestHelpers.XmlAsync(await _app.CreateClient().GetAsync("/open311/v2/discovery.xml"));
        Assert.Equal("discovery", xml.Root!.Name.LocalName);
        Assert.NotNull(xml.Root.Element("changeset"));
        Assert.NotNull(xml.Root.Element("contact"));
        Assert.NotNull(xml.Root.Element("key_service"));
        var endpoint = xml.Root.Element("endpoints")!.Element("endpoint")!;
        Assert.Equal(["specification", "url", "changeset", "type", "formats"], endpoint.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
    }

    [Fact]
    public async Task Services_InJson_OnePerCategory_WithStringCodesGroupKeywordsAndMetadata()
    {
        var json = await ApiTestHelpers.JsonAsync(await _app.CreateClient().GetAsync("/open311/v2/services.json"));
        var services = json.EnumerateArray().ToList();
        Assert.Equal(["billing", "conduct", "designated-contractors", "metering", "new-connection", "other", "outage"],
            services.Select(s => s.GetProperty("service_code").GetString()).Order());
        var outage = services.Single(s => s.GetProperty("service_code").GetString() == "outage");
        Assert.Equal(JsonValueKind.String, outage.GetProperty("service_code").ValueKind);
        Assert.Equal("停电及供电质量", outage.GetProperty("service_name").GetString());
        Assert.True(outage.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", outage.GetProperty("type").GetString());
        Assert.Contains("停电", outage.GetProperty("keywords").GetString());
        Assert.Equal("运维检修部", outage.GetProperty("group").GetString());
        Assert.True(outage.TryGetProperty("description", out _));
    }

    [Fact]
    public async Task Services_InXml_InEnglish_WhenAskedByAcceptLanguage()
    {
        var xml = await ApiTestHelpers.XmlAsync(await _app.CreateClient().InEnglish().GetAsync("/open311/v2/services.xml"));
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var billing = xml.Root.Elements("service").Single(s => s.Element("service_code")!.Value == "billing");
        Assert.Equal(["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], billing.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("true", billing.Element("metadata")!.Value);
        Assert.DoesNotContain(billing.Element("service_name")!.Value, c => c > 0x2E80);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task ServiceDefinition_HasKindAndAreaAsSingleValueLists(string format)
    {
        var response = await _app.CreateClient().GetAsync($"/open311/v2/services/billing.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (format == "json")
        {
            var json = await ApiTestHelpers.JsonAsync(response);
            Assert.Equal("billing", json.GetProperty("service_code").GetString());
            var attributes = json.GetProperty("attributes").EnumerateArray().ToList();
            Assert.Equal(["kind", "area"], attributes.Select(a => a.GetProperty("code").GetString()));
            Assert.All(attributes, a => Assert.Equal("singlevaluelist", a.GetProperty("datatype").GetString()));
            Assert.All(attributes, a => Assert.True(a.GetProperty("variable").GetBoolean()));
            Assert.Equal(JsonValueKind.Number, attributes[0].GetProperty("order").ValueKind);
            Assert.True(attributes[1].GetProperty("required").GetBoolean());
            Assert.Equal(["complaint", "suggestion", "praise"], attributes[0].GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()));
            Assert.Contains(attributes[1].GetProperty("values").EnumerateArray(), v => v.GetProperty("key").GetString() == "bincheng" && v.GetProperty("name").GetString() == "滨城区");
        }
        else
        {
            var xml = await ApiTestHelpers.XmlAsync(response);
            Assert.Equal("service_definition", xml.Root!.Name.LocalName);
            var attributes = xml.Root.Element("attributes")!.Elements("attribute").ToList();
            Assert.Equal(["variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"], attributes[0].Elements().Select(e => e.Name.LocalName));
            Assert.Equal("singlevaluelist", attributes[1].Element("datatype")!.Value);
            Assert.Contains(attributes[1].Element("values")!.Elements("value"), v => v.Element("key")!.Value == "bincheng" && v.Element("name")!.Value == "滨城区");
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task ServiceDefinition_ForAnUnknownCode_Is404InTheSpecsErrorShape(string format)
    {
        var response = await _app.CreateClient().GetAsync($"/open311/v2/services/no-such-service.{format}");
        await AssertErrorAsync(response, HttpStatusCode.NotFound, format);
    }

    [Fact]
    public async Task UnknownFormat_Is400()
    {
        var response = await _app.CreateClient().GetAsync("/open311/v2/services.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnknownResource_Is404InTheSpecsErrorShape()
    {
        await AssertErrorAsync(await _app.CreateClient().GetAsync("/open311/v2/nothing-here.xml"), HttpStatusCode.NotFound, "xml");
    }

    [Fact]
    public async Task AJurisdiction_IsIgnored_WhenNoneIsConfigured()
    {
        var response = await _app.CreateClient().GetAsync("/open311/v2/services.json?jurisdiction_id=elsewhere.example");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostRequest_ForAnUnknownService_Is404_AndFilesNothing(string format)
    {
        var key = await _app.CreateKeyAsync();
        var before = await _app.DbAsync(db => db.Cases.CountAsync());
        var response = await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(key, ("service_code", "no-such-service")), format);
        await AssertErrorAsync(response, HttpStatusCode.NotFound, format);
        Assert.Equal(before, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostRequest_ReturnsTheIdTokenNoticeAndAccount(string format)
    {
        var key = await _app.CreateKeyAsync();
        var response = await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(key, ("account_id", "acct-77")), format);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        if (format == "json")
        {
            var request = (await ApiTestHelpers.JsonAsync(response))[0];
            Assert.Equal(JsonValueKind.String, request.GetProperty("service_request_id").ValueKind);
            Assert.False(string.IsNullOrEmpty(request.GetProperty("token").GetString()));
            Assert.Contains("前答复", request.GetProperty("service_notice").GetString());
            Assert.Equal("acct-77", request.GetProperty("account_id").GetString());
        }
        else
        {
            var xml = await ApiTestHelpers.XmlAsync(response);
            Assert.Equal("service_requests", xml.Root!.Name.LocalName);
            var request = xml.Root.Element("request")!;
            Assert.Equal(["service_request_id", "token", "service_notice", "account_id"], request.Elements().Select(e => e.Name.LocalName));
        }
    }

    [Fact]
    public async Task PostRequest_TakesEveryOptionalField_AndKeepsTheLocationAndClientIds()
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key,
            ("address_string", "滨城区黄河五路 88 号"), ("address_id", "addr-9"), ("email", "li.lei@example.com"), ("device_id", "device-1"),
            ("account_id", "acct-1"), ("first_name", "雷"), ("last_name", "李"), ("phone", "13812345678"),
            ("media_url", "https://photos.example.com/meter.jpg"), ("attribute[kind]", "suggestion"));
        var stored = await _app.DbAsync(db => db.Cases.Where(c => c.TrackingNumber == id)
            .Join(db.Open311Details, c => c.Id, d => d.CaseId, (c, d) => new { c.Kind, c.Channel, c.Contact, d.AddressString, d.AddressId, d.DeviceId, d.AccountId, d.MediaUrl, d.Latitude })
            .SingleAsync());
        Assert.Equal(CaseKind.Suggestion, stored.Kind);
        Assert.Equal(Channel.Open311, stored.Channel);
        Assert.Equal("雷 李", stored.Contact.Name);
        Assert.Equal("13812345678", stored.Contact.Phone);
        Assert.Equal("li.lei@example.com", stored.Contact.Email);
        Assert.Equal(("滨城区黄河五路 88 号", "addr-9", "device-1", "acct-1", "https://photos.example.com/meter.jpg", 37.383456),
            (stored.AddressString, stored.AddressId, stored.DeviceId, stored.AccountId, stored.MediaUrl, stored.Latitude));
    }

    public static TheoryData<string, string?, string> BadPosts => new()
    {
        { "service_code", null, "service_code" },
        { "description", null, "description" },
        { "attribute[area]", null, "attribute[area]" },
        { "attribute[area]", "atlantis", "attribute[area]" },
        { "attribute[kind]", "report", "attribute[kind]" },
        { "lat", "north", "lat" },
        { "lat", "123", "lat" },
        { "long", null, "long" },
        { "media_url", "javascript:alert(1)", "media_url" },
        { "email", "not-an-email", "email" },
        { "first_name", "张", "phone" },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task PostRequest_WithBadInput_Is400NamingTheField_AndFilesNothing(string field, string? value, string named)
    {
        var key = await _app.CreateKeyAsync();
        var before = await _app.DbAsync(db => db.Cases.CountAsync());
        var response = await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(key, (field, value)));
        var errors = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "json");
        Assert.Contains(errors, e => e.StartsWith(named + "：", StringComparison.Ordinal));
        Assert.Equal(before, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task PostRequest_WithoutAnyLocation_Is400()
    {
        var key = await _app.CreateKeyAsync();
        var response = await _app.CreateClient().InEnglish().PostOpen311Async(ApiTestHelpers.Open311Fields(key, ("lat", null), ("long", null)), "xml");
        var errors = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "xml");
        Assert.Contains(errors, e => e.Contains("lat and long, address_string or address_id"));
    }

    [Fact]
    public async Task PostRequest_NotFormEncoded_Is400()
    {
        var key = await _app.CreateKeyAsync();
        var client = _app.CreateClient().WithKey(key);
        var response = await client.PostAsync("/open311/v2/requests.json", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "json");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task PostRequest_WithoutKey_Is403(string format)
    {
        var response = await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(null), format);
        await AssertErrorAsync(response, HttpStatusCode.Forbidden, format);
    }

    [Fact]
    public async Task PostRequest_WithAnUnknownKey_Is403()
    {
        var response = await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields("fbk_not-a-real-key"));
        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "json");
    }

    [Fact]
    public async Task PostRequest_WithARevokedKey_Is403_AndFilesNothing()
    {
        var key = await _app.CreateKeyAsync();
        await _app.CreateClient().FileOpen311Async(key);
        await _app.RevokeKeyAsync(key);
        var before = await _app.DbAsync(db => db.Cases.CountAsync());

        var response = await _app.CreateClient().InEnglish().PostOpen311Async(ApiTestHelpers.Open311Fields(key));

        var errors = await AssertErrorAsync(response, HttpStatusCode.Forbidden, "json");
        Assert.Contains("The API key has been revoked.", errors);
        Assert.Equal(before, await _app.DbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task PostRequest_WithAHotlineOnlyKey_Is403()
    {
        var key = await _app.CreateKeyAsync(open311: false, hotline: true);
        await AssertErrorAsync(await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(key)), HttpStatusCode.Forbidden, "json");
    }

    [Fact]
    public async Task PostRequest_FromASignedInBrowserWithoutKey_Is403_CookiesDoNotCount()
    {
        var browser = _app.CreateBrowserClient();
        await browser.SignInAsync(ApiTestHelpers.Dispatcher);
        var response = await browser.PostOpen311Async(ApiTestHelpers.Open311Fields(null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task GetRequest_ById_ShowsTheSpecFields_WithoutPersonalData(string format)
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key,
            ("first_name", "Lei"), ("last_name", "Li-Secret"), ("phone", "13899990000"), ("email", "private.person@example.com"),
            ("address_string", "Secret Lane 7"), ("device_id", "device-secret"), ("account_id", "account-secret"),
            ("media_url", "https://photos.example.com/a.jpg"));
        var response = await _app.CreateClient().GetAsync($"/open311/v2/requests/{id}.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var secret in new[] { "Li-Secret", "13899990000", "private.person", "Secret Lane", "device-secret", "account-secret", "37.383456" })
            Assert.DoesNotContain(secret, body);

        string[] expected = ["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
            "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"];
        if (format == "json")
        {
            var request = (await ApiTestHelpers.JsonAsync(response)).EnumerateArray().Single();
            Assert.Equal(expected, request.EnumerateObject().Select(p => p.Name));
            Assert.Equal(id, request.GetProperty("service_request_id").GetString());
            Assert.Equal("billing", request.GetProperty("service_code").GetString());
            Assert.Equal("open", request.GetProperty("status").GetString());
            Assert.Equal("电费管理中心", request.GetProperty("agency_responsible").GetString());
            Assert.Equal(37.383, request.GetProperty("lat").GetDouble());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", request.GetProperty("requested_datetime").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", request.GetProperty("expected_datetime").GetString());
        }
        else
        {
            var xml = await ApiTestHelpers.XmlAsync(response);
            Assert.Equal("service_requests", xml.Root!.Name.LocalName);
            var request = xml.Root.Elements("request").Single();
            Assert.Equal(expected, request.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("电费管理中心", request.Element("agency_responsible")!.Value);
        }
    }


    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task GetRequest_ForAnUnknownId_Is404(string format)
    {
        await AssertErrorAsync(await _app.CreateClient().GetAsync($"/open311/v2/requests/261127-ZZZZZZ.{format}"), HttpStatusCode.NotFound, format);
    }

    [Fact]
    public async Task GetRequest_ForAWebFiledCaseOrAReport_Is404_AndNeitherIsListed()
    {
        var web = await _app.SendAsync<CaseReceipt>(null, await Filing.WebCaseAsync(_app, CaseKind.Complaint));
        var report = await _app.SendAsync<CaseReceipt>(null, await Filing.WebCaseAsync(_app, CaseKind.Report));
        foreach (var id in new[] { web.TrackingNumber, report.TrackingNumber })
            await AssertErrorAsync(await _app.CreateClient().GetAsync($"/open311/v2/requests/{id}.json"), HttpStatusCode.NotFound, "json");
        var list = await (await _app.CreateClient().GetAsync($"/open311/v2/requests.json?service_request_id={web.TrackingNumber},{report.TrackingNumber}")).Content.ReadAsStringAsync();
        Assert.Equal("[]", list);
    }

    [Fact]
    public async Task GetRequests_FiltersByIdListServiceCodeAndStatus()
    {
        var key = await _app.CreateKeyAsync();
        var client = _app.CreateClient();
        var billing = await client.FileOpen311Async(key);
        var outage = await client.FileOpen311Async(key, ("service_code", "outage"), ("description", "整条街停电两个小时了"));

        async Task<List<string>> IdsAsync(string query) =>
            (await ApiTestHelpers.JsonAsync(await client.GetAsync("/open311/v2/requests.json?" + query))).EnumerateArray()
                .Select(r => r.GetProperty("service_request_id").GetString()!).ToList();

        Assert.Equal([outage, billing], await IdsAsync($"service_request_id={billing},{outage}"));
        Assert.Contains(outage, await IdsAsync("service_code=outage"));
        Assert.DoesNotContain(billing, await IdsAsync("service_code=outage"));
        Assert.Contains(billing, await IdsAsync("status=open"));
        Assert.DoesNotContain(billing, await IdsAsync("status=closed"));
        var today = DateTimeOffset.UtcNow;
        Assert.Contains(billing, await IdsAsync($"start_date={Uri.EscapeDataString(today.AddDays(-1).ToString("O"))}&end_date={Uri.EscapeDataString(today.AddDays(1).ToString("O"))}"));
        Assert.DoesNotContain(billing, await IdsAsync($"start_date={Uri.EscapeDataString(today.AddDays(-30).ToString("O"))}&end_date={Uri.EscapeDataString(today.AddDays(-20).ToString("O"))}"));
    }

    [Fact]
    public async Task GetRequests_InXml_ListsRequestElements()
    {
        var key = await _app.CreateKeyAsync();
        var id = await _app.CreateClient().FileOpen311Async(key, ("description", "电表 <显示> 异常 & 跳闸\u0001"));
        var xml = await ApiTestHelpers.XmlAsync(await _app.CreateClient().GetAsync($"/open311/v2/requests.xml?service_request_id={id}"));
        var request = xml.Root!.Elements("request").Single();
        Assert.Equal("电表 <显示> 异常 & 跳闸", request.Element("description")!.Value);
    }

    [Theory]
    [InlineData("status=pending")]
    [InlineData("start_date=yesterday")]
    [InlineData("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z")]
    [InlineData("start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z")]
    public async Task GetRequests_WithBadFilters_Is400(string query)
    {
        await AssertErrorAsync(await _app.CreateClient().GetAsync("/open311/v2/requests.xml?" + query), HttpStatusCode.BadRequest, "xml");
    }

    [Fact]
    public async Task Token_GivesTheServiceRequestId_AndAnUnknownTokenIs404()
    {
        var key = await _app.CreateKeyAsync();
        var posted = (await ApiTestHelpers.JsonAsync(await _app.CreateClient().PostOpen311Async(ApiTestHelpers.Open311Fields(key))))[0];
        var token = posted.GetProperty("token").GetString();

        var json = (await ApiTestHelpers.JsonAsync(await _app.CreateClient().GetAsync($"/open311/v2/tokens/{token}.json")))[0];
        Assert.Equal(posted.GetProperty("service_request_id").GetString(), json.GetProperty("service_request_id").GetString());
        Assert.Equal(token, json.GetProperty("token").GetString());
        var xml = await ApiTestHelpers.XmlAsync(await _app.CreateClient().GetAsync($"/open311/v2/tokens/{token}.xml"));
        Assert.Equal(["service_request_id", "token"], xml.Root!.Element("request")!.Elements().Select(e => e.Name.LocalName));

        await AssertErrorAsync(await _app.CreateClient().GetAsync("/open311/v2/tokens/0000.json"), HttpStatusCode.NotFound, "json");
    }

    /// <summary>Checks the spec's error shape in either format and returns the descriptions.</summary>
    internal static async Task<List<string>> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string format)
    {
        Assert.Equal(status, response.StatusCode);
        if (format == "json")
        {
            var errors = (await ApiTestHelpers.JsonAsync(response)).EnumerateArray().ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Equal((int)status, e.GetProperty("code").GetInt32()));
            return errors.Select(e => e.GetProperty("description").GetString()!).ToList();
        }
        var xml = await ApiTestHelpers.XmlAsync(response);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        var elements = xml.Root.Elements("error").ToList();
        Assert.NotEmpty(elements);
        Assert.All(elements, e => Assert.Equal(((int)status).ToString(), e.Element("code")!.Value));
        return elements.Select(e => e.Element("description")!.Value).ToList();
    }
}
