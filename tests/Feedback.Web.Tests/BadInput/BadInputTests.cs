using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Feedback.Web.Tests.Api;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.BadInput;

/// <summary>
/// The thirteen classes of input that answered 500 (issue 18), one row each: every one is now a 4xx in the
/// reader's language, in the format of its surface (the error page or the form again for pages, a problem
/// document for /api/v1, the spec's errors for Open311), or, where the input is legitimate after all, the
/// right answer (a redirect the server can send, a feed that parses).
/// </summary>
public sealed class BadInputTests(BadInputAppFixture fixture) : IClassFixture<BadInputAppFixture>
{
    private readonly BadInputApp _app = fixture.App;

    public static TheoryData<string> Classes => new()
    {
        "checkbox-not-boolean", "form-key-bracket", "return-url-on-sign-in", "return-url-on-culture", "culture-without-antiforgery",
        "open311-nul-in-form", "open311-end-date-year-1", "trace-on-pages", "notice-blank-kind", "multipart-without-boundary",
        "preview-title-too-long", "admin-search-invalid-code-points", "feed-with-control-character", "changes-cursor-out-of-range",
    };

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task EachClass_IsAnsweredWithoutA500(string name)
    {
        switch (name)
        {
            case "checkbox-not-boolean":
            {
                var filing = await _app.Browser().PostAsync("/Public/File", Forms.Fields(("Input.IsAnonymous", "abc"), ("Input.Subject", "停电")));
                await AssertPageAsync(filing, HttpStatusCode.BadRequest, "“abc”不是有效的值。");
                var login = await _app.Browser().PostAsync("/Account/Login", Forms.Fields(
                    ("Input.Email", "customer@demo.local"), ("Input.Password", FeedbackApp.DemoPassword), ("Input.RememberMe", "abc")));
                await AssertPageAsync(login, HttpStatusCode.BadRequest, "“abc”不是有效的值。");
                break;
            }
            case "form-key-bracket":
            {
                var login = await _app.Browser().PostAsync("/Account/Login", Forms.Fields(
                    ("Input.Email", "customer@demo.local"), ("Input.Password", FeedbackApp.DemoPassword), ("a[", "1")));
                await AssertPageAsync(login, HttpStatusCode.BadRequest, "表单中有无法识别的字段名：a[");
                var page = await _app.Browser().GetAsync("/Outcomes?a[=1");
                await AssertPageAsync(page, HttpStatusCode.BadRequest, "表单中有无法识别的字段名：a[");
                break;
            }
            case "return-url-on-sign-in":
            {
                // Chinese in a path is legitimate: the redirect carries it percent-encoded (a header is ASCII).
                var signIn = await _app.Browser().PostAsync("/Account/Login?ReturnUrl=%2F%E4%B8%AD%E6%96%87", Forms.Fields(
                    ("Input.Email", "customer@demo.local"), ("Input.Password", FeedbackApp.DemoPassword), ("ReturnUrl", "/中文")));
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.Equal("/%E4%B8%AD%E6%96%87", signIn.Headers.Location?.OriginalString);
                // A control character is not: the form is refused.
                var client = _app.Browser();
                var token = Forms.AntiforgeryToken(await client.GetStringAsync("/Account/Login"));
                var control = await client.PostAsync("/Account/Login?ReturnUrl=%2F%01x", new FormUrlEncodedContent(Forms.Fields(
                    ("Input.Email", "customer@demo.local"), ("Input.Password", FeedbackApp.DemoPassword), ("__RequestVerificationToken", token))));
                await AssertPageAsync(control, HttpStatusCode.BadRequest, "内容中含有无法使用的字符");
                break;
            }
            case "return-url-on-culture":
            {
                var client = _app.Browser();
                var token = Forms.AntiforgeryToken(await client.GetStringAsync("/"));
                var chinese = await client.PostAsync("/culture", new FormUrlEncodedContent(Forms.Fields(("culture", "en"), ("returnUrl", "/中文"), ("__RequestVerificationToken", token))));
                Assert.Equal(HttpStatusCode.Redirect, chinese.StatusCode);
                Assert.Equal("/%E4%B8%AD%E6%96%87", chinese.Headers.Location?.OriginalString);
                var control = await client.PostAsync("/culture", new FormUrlEncodedContent(Forms.Fields(("culture", "en"), ("returnUrl", "/\u0001x"), ("__RequestVerificationToken", token))));
                Assert.Equal(HttpStatusCode.Redirect, control.StatusCode);
                Assert.Equal("/", control.Headers.Location?.OriginalString);
                break;
            }
            case "culture-without-antiforgery":
            {
                var response = await _app.Browser().PostAsync("/culture", new FormUrlEncodedContent(Forms.Fields(("culture", "en"), ("returnUrl", "/"))));
                await AssertPageAsync(response, HttpStatusCode.BadRequest, "请求有误");
                break;
            }
            case "open311-nul-in-form":
            {
                var response = await _app.Browser().PostOpen311Async(ApiTestHelpers.Open311Fields(_app.Key, ("description", "电费\0异常")));
                await AssertOpen311Async(response, "无法读取请求");
                break;
            }
            case "open311-end-date-year-1":
            {
                await AssertOpen311Async(await _app.Browser().GetAsync("/open311/v2/requests.json?end_date=0001-01-01"), "请填写 1900 年至 8999 年之间的日期。");
                await AssertOpen311Async(await _app.Browser().GetAsync("/open311/v2/requests.json?start_date=9999-12-31T23:59:59Z"), "请填写 1900 年至 8999 年之间的日期。");
                break;
            }
            case "trace-on-pages":
            {
                foreach (var path in new[] { "/", "/Public/File", "/Account/Login" })
                {
                    var response = await _app.Browser().SendAsync(new HttpRequestMessage(HttpMethod.Trace, path));
                    await AssertPageAsync(response, HttpStatusCode.MethodNotAllowed, "不支持");
                }
                break;
            }
            case "notice-blank-kind":
                await AssertPageAsync(await _app.Browser().GetAsync("/Account/Notice/%20"), HttpStatusCode.NotFound, "未找到");
                break;
            case "multipart-without-boundary":
            {
                var open311 = await _app.Browser().PostAsync("/open311/v2/requests.json", NoBoundary());
                await AssertOpen311Async(open311, "无法读取请求");
                var hotline = _app.Browser().WithKey(_app.Key);
                await AssertProblemAsync(await hotline.PostAsync("/api/v1/cases", NoBoundary()));
                await AssertProblemAsync(await hotline.PostAsync($"/api/v1/cases/{_app.TrackingNumber}/notes", NoBoundary()));
                await AssertPageAsync(await _app.Browser().PostAsync("/Public/File", NoBoundary()), HttpStatusCode.BadRequest, "请求有误");
                break;
            }
            case "preview-title-too-long":
            {
                var staff = await _app.SignedInAsync(BadInputApp.Staff);
                var page = $"/Staff/Case/{_app.WorkCaseId}/Outcome";
                var response = await staff.PostAsync(page, Forms.Fields(("Draft.Title", new string('标', 201)), ("Draft.Markdown", "内容")), $"{page}?handler=Preview");
                await AssertPageAsync(response, HttpStatusCode.BadRequest, "不能超过 200 个字符。");
                break;
            }
            case "admin-search-invalid-code-points":
            {
                var admin = await _app.SignedInAsync(BadInputApp.Admin);
                foreach (var value in new[] { "%EF%BF%BE", "%EF%BF%BF", "%00", "a%0Bb" })
                    await AssertPageAsync(await admin.GetAsync($"/Admin/Users?search={value}"), HttpStatusCode.BadRequest, "内容中含有无法使用的字符");
                break;
            }
            case "feed-with-control-character":
            {
                var feed = await _app.Browser().GetAsync("/Outcomes/feed.atom");
                Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
                var xml = XDocument.Parse(await feed.Content.ReadAsStringAsync());
                XNamespace atom = "http://www.w3.org/2005/Atom";
                Assert.Contains(xml.Descendants(atom + "title"), t => t.Value == "关于电费异常的整改公示");
                break;
            }
            case "changes-cursor-out-of-range":
            {
                var hotline = _app.Browser().WithKey(_app.Key);
                foreach (var cursor in new[] { "9223372036854775807", "3155378976000000000", "-1", "99999999999999999999", "abc" })
                    await AssertProblemAsync(await hotline.GetAsync($"/api/v1/changes?after={cursor}"));
                break;
            }
            default: throw new ArgumentOutOfRangeException(nameof(name));
        }
    }

    private static StringContent NoBoundary()
    {
        var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        return content;
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string text)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 600)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, body);
    }

    private static async Task AssertOpen311Async(HttpResponseMessage response, string text)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ApiTestHelpers.JsonAsync(response);
        Assert.Equal(400, errors[0].GetProperty("code").GetInt32());
        Assert.Contains(text, errors.EnumerateArray().Select(e => e.GetProperty("description").GetString()!).First(d => d.Contains(text)));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiTestHelpers.JsonAsync(response, "application/problem+json");
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.String, problem.GetProperty("title").ValueKind);
    }
}
