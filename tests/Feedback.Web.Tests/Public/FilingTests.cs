using System.Net;
using Feedback.Domain.Cases;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Feedback.Web.Tests.Public.PublicFlows;

namespace Feedback.Web.Tests.Public;

/// <summary>/Public/File and /Public/Receipt over HTTP, with antiforgery and real multipart uploads.</summary>
[Collection(PublicCollection.Name)]
public sealed class FilingTests(FeedbackAppFixture fixture)
{
    private readonly FeedbackApp app = fixture.App;

    [Fact]
    public async Task File_WithPhoto_RedirectsToReceiptThatShowsNumberAndPinOnce()
    {
        var client = app.CreateBrowserClient();

        var (number, pin) = await FileAsync(app, client, null, ("电表.png", Png));

        Assert.True(TrackingNumber.LooksValid(number), number);
        Assert.Matches("^[0-9]{6}$", pin);
        var stored = await LoadCaseAsync(app, number);
        Assert.Equal(Channel.Web, stored.Channel);
        Assert.Equal(CaseKind.Complaint, stored.Kind);
        Assert.True(stored.HasPin(pin));
        var attachment = Assert.Single(stored.Attachments);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("电表.png", attachment.FileName);
        Assert.NotNull(stored.ContactBy);
        // The receipt comes from TempData: shown once, never again (and never in a URL).
        var again = await client.GetHtmlAsync("/Public/Receipt");
        Assert.DoesNotContain(pin, again);
        Assert.DoesNotContain(number, again);
    }

    [Fact]
    public async Task Receipt_ShowsDeadlinesInLocalTimeWithWeekday()
    {
        var client = app.CreateBrowserClient();
        var response = await PostFileFormAsync(client, await ValidFormAsync(app));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var receipt = await client.GetHtmlAsync("/Public/Receipt");

        Assert.Matches("星期[一二三四五六日]", receipt);
        Assert.Contains("承诺办结时间", receipt);
    }

    [Fact]
    public async Task File_WithTextPretendingToBeAnImage_Is400AndWritesNothing()
    {
        var client = app.CreateBrowserClient();
        var (casesBefore, filesBefore) = (await CountCasesAsync(app), CountStoredFiles(app));

        var response = await PostFileFormAsync(client, await ValidFormAsync(app), ("photo.png", Png), ("fake.png", TextPretendingToBePng));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("附件“fake.png”不是图片", html);
        Assert.Equal(casesBefore, await CountCasesAsync(app));
        Assert.Equal(filesBefore, CountStoredFiles(app));
    }

    [Theory]
    [InlineData("Input.Kind", "Bogus", "“Bogus”不是有效的值")]
    [InlineData("Input.Kind", "SupervisionFinding", "所选的值无效")]
    [InlineData("Input.Kind", "99", "“99”不是有效的值")]
    [InlineData("Input.CategoryId", "0f5d8a52-5a55-4b4b-9d3e-000000000001", "所选的值无效")]
    [InlineData("Input.ServiceAreaId", "not-a-guid", "不是有效的值")]
    [InlineData("Input.Subject", null, "此项为必填项")]
    [InlineData("Input.ContactPhone", "call me", "请输入有效的电话号码")]
    public async Task File_WithBadInput_Is400WithTheMessageAndWritesNothing(string field, string? value, string message)
    {
        var client = app.CreateBrowserClient();
        var (casesBefore, filesBefore) = (await CountCasesAsync(app), CountStoredFiles(app));

        var response = await PostFileFormAsync(client, await ValidFormAsync(app, (field, value)), ("photo.png", Png));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.HtmlAsync());
        Assert.Equal(casesBefore, await CountCasesAsync(app));
        Assert.Equal(filesBefore, CountStoredFiles(app));
    }

    [Fact]
    public async Task File_WithOversizedSubject_Is400()
    {
        var client = app.CreateBrowserClient();
        var casesBefore = await CountCasesAsync(app);

        var response = await PostFileFormAsync(client, await ValidFormAsync(app, ("Input.Subject", new string('长', Case.SubjectMaxLength + 1))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"不能超过 {Case.SubjectMaxLength} 个字符", await response.HtmlAsync());
        Assert.Equal(casesBefore, await CountCasesAsync(app));
    }

    [Fact]
    public async Task File_LargerThanTheServerAccepts_Is413WithThePageThatExplainsTheLimits()
    {
        var client = app.CreateBrowserClient();
        var casesBefore = await CountCasesAsync(app);
        // Declared size is what counts: the server answers before reading a byte of it.
        var content = new ByteArrayContent(new byte[64]);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        content.Headers.ContentLength = UploadLimits.MaxRequestBytes + 1;

        var response = await client.PostAsync("/Public/File", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("每个附件不超过 10 MB", await response.HtmlAsync());
        Assert.Equal(casesBefore, await CountCasesAsync(app));
    }

    [Fact]
    public async Task File_Anonymously_KeepsNoNameAddressOrAccountNumber()
    {
        var client = app.CreateBrowserClient();
        var fields = await ValidFormAsync(app, ("Input.IsAnonymous", "true"), ("Input.ContactAddress", "滨州市黄河五路 1 号"), ("Input.CustomerNumber", "3701234567"));

        var (number, _) = await FileAsync(app, client, fields);

        var stored = await LoadCaseAsync(app, number);
        Assert.True(stored.IsAnonymous);
        Assert.Null(stored.Contact.Name);
        Assert.Null(stored.Contact.Address);
        Assert.Null(stored.Contact.CustomerNumber);
        Assert.All(stored.Events, e => Assert.DoesNotContain(ContactName, e.ActorName));
    }

    [Fact]
    public async Task File_AsReportAgainstADepartment_RecordsItAndNeverRoutesThere()
    {
        var client = app.CreateBrowserClient();
        var accused = await app.DbAsync(db => db.Departments.Where(d => !d.IsIntegrityOffice).OrderBy(d => d.SortOrder).Skip(1).FirstAsync());
        var fields = await ValidFormAsync(app, ("Input.Kind", "Report"), ("Input.AccusedDepartmentId", accused.Id.ToString()));

        var (number, _) = await FileAsync(app, client, fields);

        var stored = await LoadCaseAsync(app, number);
        Assert.Equal(accused.Id, stored.AccusedDepartmentId);
        Assert.NotEqual(accused.Id, stored.DepartmentId);
    }

    [Fact]
    public async Task File_WhenSignedIn_PrefillsNameAndLinksTheCase()
    {
        var client = app.CreateBrowserClient();
        await SignInAsync(client, "customer@demo.local");

        var form = await client.GetHtmlAsync("/Public/File");
        var (number, _) = await FileAsync(app, client);

        Assert.Contains("value=\"customer@demo.local\"", form);
        var owner = await app.DbAsync(db => db.Users.SingleAsync(u => u.Email == "customer@demo.local"));
        Assert.Equal(owner.Id, (await LoadCaseAsync(app, number)).SubmitterUserId);
    }

    [Fact]
    public async Task File_AboutAServicePointOfTheArea_RecordsIt_AndTheFormOffersThePointsByArea()
    {
        var client = app.CreateBrowserClient();
        var (point, area) = await app.DbAsync(async db =>
        {
            var p = await db.ServicePoints.Where(p => p.IsActive).OrderBy(p => p.SortOrder).FirstAsync();
            return (p, await db.ServiceAreas.SingleAsync(a => a.Id == p.ServiceAreaId));
        });
        var form = System.Net.WebUtility.HtmlDecode(await client.GetHtmlAsync("/Public/File"));
        Assert.Contains($"<optgroup label=\"{area.NameZh}\">", form);
        Assert.Contains($"value=\"{point.Id}\"", form);

        var fields = await ValidFormAsync(app, ("Input.ServiceAreaId", area.Id.ToString()), ("Input.ServicePointId", point.Id.ToString()));
        var (number, _) = await FileAsync(app, client, fields);

        Assert.Equal(point.Id, (await LoadCaseAsync(app, number)).ServicePointId);
    }

    [Fact]
    public async Task File_WithAServicePointOfAnotherArea_Is400WithTheReason_AndFilesNothing()
    {
        var client = app.CreateBrowserClient();
        var point = await app.DbAsync(db => db.ServicePoints.Where(p => p.IsActive).OrderBy(p => p.SortOrder).FirstAsync());
        var otherArea = await app.DbAsync(db => db.ServiceAreas.Where(a => a.IsActive && a.Id != point.ServiceAreaId).Select(a => a.Id).FirstAsync());
        var before = await app.DbAsync(db => db.Cases.CountAsync());

        await client.GetHtmlAsync("/Public/File");
        var fields = await ValidFormAsync(app, ("Input.ServiceAreaId", otherArea.ToString()), ("Input.ServicePointId", point.Id.ToString()));
        var response = await PostFileFormAsync(client, fields, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择所选区域内的营业厅或缴费网点", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.DbAsync(db => db.Cases.CountAsync()));
    }

}
