using System.Net;
using System.Text.RegularExpressions;
using Feedback.Domain.Cases;
using Feedback.Domain.Data;
using Feedback.Domain.Identity;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Public;

/// <summary>What the public-side tests do again and again: file through the real form, read the receipt, track, sign in.</summary>
public static partial class PublicFlows
{
    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>Text that claims to be a photo.</summary>
    public static readonly byte[] TextPretendingToBePng = "<script>alert('not a picture')</script>"u8.ToArray();

    public const string ContactName = "张三丰";
    public const string StaffInternalNote = "内部：核对抄表员李某的工作记录";

    [GeneratedRegex("id=\"tracking-number\">([^<]+)<")]
    private static partial Regex TrackingNumberPattern();

    [GeneratedRegex("id=\"access-pin\">([0-9]{6})<")]
    private static partial Regex PinPattern();

    /// <summary>The filing form's fields for a valid complaint about billing; <paramref name="changes"/> replace or (null) remove fields.</summary>
    public static async Task<Dictionary<string, string>> ValidFormAsync(FeedbackApp app, params (string Field, string? Value)[] changes)
    {
        var (categoryId, areaId) = await app.DbAsync(async db => (
            (await db.Categories.OrderBy(c => c.Code.ToUpper() == "BILLING" ? 0 : 1).ThenBy(c => c.SortOrder).FirstAsync(c => c.IsActive)).Id,
            (await db.ServiceAreas.OrderBy(a => a.SortOrder).FirstAsync(a => a.IsActive)).Id));
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Complaint",
            ["Input.CategoryId"] = categoryId.ToString(),
            ["Input.ServiceAreaId"] = areaId.ToString(),
            ["Input.Subject"] = "电费比上月多出一倍",
            ["Input.Description"] = "十月电费 412 元，九月只有 198 元，家中用电没有变化，请核查电表。",
            ["Input.IsAnonymous"] = "false",
            ["Input.ContactName"] = ContactName,
            ["Input.ContactPhone"] = "13800138000",
            ["Input.ContactEmail"] = "zhang.sanfeng@example.com",
        };
        foreach (var (field, value) in changes)
        {
            if (value is null) fields.Remove(field);
            else fields[field] = value;
        }
        return fields;
    }

    public static Task<HttpResponseMessage> PostFileFormAsync(HttpClient client, Dictionary<string, string> fields, params (string FileName, byte[] Content)[] files) =>
        client.PostMultipartAsync("/Public/File", fields, files.Select(f => ("Input.Attachments", f.FileName, f.Content)));

    /// <summary>Files a case through the form and reads the receipt it redirects to.</summary>
    public static async Task<(string TrackingNumber, string Pin)> FileAsync(FeedbackApp app, HttpClient client,
        Dictionary<string, string>? fields = null, params (string FileName, byte[] Content)[] files)
    {
        var response = await PostFileFormAsync(client, fields ?? await ValidFormAsync(app), files);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Public/Receipt", response.Headers.Location?.OriginalString);
        var receipt = await client.GetHtmlAsync("/Public/Receipt");
        return (TrackingNumberPattern().Match(receipt).Groups[1].Value, PinPattern().Match(receipt).Groups[1].Value);
    }

    /// <summary>
    /// Files a case from one browser, lets staff take it to <paramref name="staffTakesItTo"/> (if given), and
    /// tracks it from a fresh browser, which then holds the PIN cookie.
    /// </summary>
    public static async Task<(string Number, string Pin, HttpClient Visitor)> FileAndTrackAsync(FeedbackApp app, CaseStatus? staffTakesItTo = null)
    {
        var (number, pin) = await FileAsync(app, app.CreateBrowserClient());
        if (staffTakesItTo is { } status)
            await StaffHandlesAsync(app, number, status);
        var visitor = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await TrackAsync(visitor, number, pin)).StatusCode);
        return (number, pin, visitor);
    }

    /// <summary>Posts one of a case page's actions (Confirm, Reject, ProvideInformation) with the page's antiforgery token.</summary>
    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string casePage, string handler, params (string Name, string Value)[] fields) =>
        client.PostAsync(casePage, Forms.Fields(fields), $"{casePage}?handler={handler}");

    public static Task<HttpResponseMessage> TrackAsync(HttpClient client, string trackingNumber, string pin) =>
        client.PostAsync("/Public/Track", Forms.Fields(("Input.TrackingNumber", trackingNumber), ("Input.Pin", pin)));

    public static async Task SignInAsync(HttpClient client, string email)
    {
        var response = await client.PostAsync("/Account/Login", Forms.Fields(("Input.Email", email), ("Input.Password", FeedbackApp.DemoPassword)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The page as text, entities decoded (Razor encodes Chinese as &amp;#x…;).</summary>
    public static async Task<string> HtmlAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> GetHtmlAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    public static Task<int> CountCasesAsync(FeedbackApp app) => app.DbAsync(db => db.Cases.CountAsync());

    public static int CountStoredFiles(FeedbackApp app)
    {
        var folder = Path.Combine(app.DataPath, "attachments");
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    /// <summary>
    /// Plays the staff side directly on the aggregate: routes the case to the staff member's department if
    /// needed, accepts it, then either resolves it or asks for information.
    /// </summary>
    public static async Task StaffHandlesAsync(FeedbackApp app, string trackingNumber, CaseStatus target, string staffEmail = "staff.billing@demo.local")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FeedbackDbContext>();
        var staff = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(staffEmail)
            ?? throw new InvalidOperationException(staffEmail);
        var departmentId = staff.DepartmentId ?? throw new InvalidOperationException($"{staffEmail} has no department");
        var department = await db.Departments.SingleAsync(d => d.Id == departmentId);
        var @case = await db.Cases.SingleAsync(c => c.TrackingNumber == trackingNumber);
        var now = DateTimeOffset.UtcNow;
        var dispatcher = new CaseParticipant(null, "dispatcher", new HashSet<Actor> { Actor.Dispatcher });
        var handler = new CaseParticipant(staff.Id, staff.DisplayName, new HashSet<Actor> { Actor.Staff });
        if (@case.Status == CaseStatus.Submitted)
            @case.Route(department, Priority.Normal, dispatcher, now);
        else if (@case.DepartmentId != department.Id)
            @case.Reassign(department, null, dispatcher, now, "test");
        @case.Accept(handler, now);
        @case.AddInternalNote(StaffInternalNote, handler, now);
        if (target == CaseStatus.Resolved)
            @case.Resolve("已核实：九月抄表有误，多收电费将在下月退还。", handler, now);
        else if (target == CaseStatus.AwaitingInfo)
            @case.RequestInformation("请上传最近两个月的电费通知单照片。", handler, now);
        await db.SaveChangesAsync();
    }

    public static Task<Case> LoadCaseAsync(FeedbackApp app, string trackingNumber) =>
        app.DbAsync(db => db.Cases.Include(c => c.Attachments).Include(c => c.Events).SingleAsync(c => c.TrackingNumber == trackingNumber));
}
