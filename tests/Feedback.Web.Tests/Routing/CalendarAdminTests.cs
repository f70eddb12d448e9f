using System.Net;
using System.Text;
using Feedback.Domain.Common;
using Feedback.Domain.Sla.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Routing;

/// <summary>Uploading a year's working calendar: a bad file is refused line by line, a good one is used at once.</summary>
[Collection(RoutingCollection.Name)]
public sealed class CalendarAdminTests(RoutingAppFixture fixture)
{
    private const string Admin = "admin@demo.local";
    private readonly RoutingApp _app = fixture.App;

    /// <summary>The 2026 hours, for <paramref name="year"/>, with one holiday and no adjusted working days.</summary>
    private static string YearFile(int year, string holiday, bool provisional = false, string timeZone = "Asia/Shanghai") => $$"""
        {
          "year": {{year}},
          "timeZone": "{{timeZone}}",
          "provisional": {{(provisional ? "true" : "false")}},
          "source": "测试文件 Test file",
          "workingHours": {
            "monday": ["08:30-12:00", "13:30-17:30"], "tuesday": ["08:30-12:00", "13:30-17:30"],
            "wednesday": ["08:30-12:00", "13:30-17:30"], "thursday": ["08:30-12:00", "13:30-17:30"],
            "friday": ["08:30-12:00", "13:30-17:30"]
          },
          "holidays": [ { "name": "测试假日 Test holiday", "from": "{{holiday}}" } ]
        }
        """;

    private const string BadFile = """
        {
          "year": 2029,
          "timeZone": "Asia/Shanghai",
          "workingHours": {
            "monday": ["08:30-12:00", "13:30-17:30"],
            "funday": ["09:00-10:00"],
            "tuesday": ["17:00-09:00"]
          },
          "holidays": [
            { "name": "坏日期 Bad date", "from": "2029-02-30" },
            { "name": "别的年份 Other year", "from": "2027-05-01" }
          ]
        }
        """;

    private static Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] file, string culture = "zh-CN") =>
        admin.PostMultipartAsync($"/Admin/Calendar?culture={culture}", [], [("Upload", "calendar.json", file)]);

    private Task<List<(int Year, bool Provisional)>> StoredAsync() =>
        _app.DbAsync(async db => (await db.CalendarYears.OrderBy(y => y.Year).ToListAsync()).Select(y => (y.Year, y.IsProvisional)).ToList());

    [Fact]
    public async Task AGoodFileFor2028_IsStored_Shown_Downloadable_AndItsHolidayIsSkippedByNewDeadlines()
    {
        // Tue 2028-03-14 10:00: a complaint's first contact is due one working day later, Wed 15th — until the 15th is a holiday.
        _app.Clock.SetUtcNow(new DateTimeOffset(2028, 3, 14, 10, 0, 0, RoutingApp.Shanghai));
        try
        {
            var admin = await _app.SignedInAsync(Admin);
            var before = await _app.FileAsync("上传日历之前 before the upload");
            Assert.Equal(new DateTimeOffset(2028, 3, 15, 10, 0, 0, RoutingApp.Shanghai), before.ContactBy);

            var content = YearFile(2028, "2028-03-15");
            var response = await UploadAsync(admin, Encoding.UTF8.GetBytes(content));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Admin/Calendar?stored=2028&replaced=false", response.Headers.Location!.OriginalString);
            Assert.Contains((2028, false), await StoredAsync());

            var after = await _app.FileAsync("上传日历之后 after the upload");
            Assert.Equal(new DateTimeOffset(2028, 3, 16, 10, 0, 0, RoutingApp.Shanghai), after.ContactBy);

            var list = await (await admin.GetAsync("/Admin/Calendar?stored=2028&replaced=false")).VisibleTextAsync();
            Assert.Contains("2028 年日历已保存", list);
            Assert.Contains("2028 正式 测试文件 Test file", list);
            var year = await (await admin.GetAsync("/Admin/Calendar/Year/2028")).VisibleTextAsync();
            Assert.Contains("测试假日 Test holiday 2028-03-15 周三 2028-03-15 周三 1", year);
            Assert.Contains("星期六 休息", year);
            var download = await admin.GetAsync("/Admin/Calendar/Year/2028?handler=Download");
            Assert.Equal("calendar-2028.json", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
            Assert.Equal(content, await download.Content.ReadAsStringAsync());

            // The same year again replaces it (here: marked provisional, with a UTF-8 byte-order mark).
            var again = await UploadAsync(admin, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(YearFile(2028, "2028-03-17", provisional: true))]);
            Assert.Equal("/Admin/Calendar?stored=2028&replaced=true", again.Headers.Location!.OriginalString);
            Assert.Contains((2028, true), await StoredAsync());
            Assert.Contains("2028 年日历已替换", await (await admin.GetAsync("/Admin/Calendar?stored=2028&replaced=true")).VisibleTextAsync());
        }
        finally
        {
            _app.Clock.SetUtcNow(RoutingApp.NationalDayEve);
        }
    }

    [Fact]
    public async Task ABadFile_Is400_ListingEveryProblemWithItsLine_InTheReadersLanguage_AndNothingIsStored()
    {
        var admin = await _app.SignedInAsync(Admin);
        var stored = await StoredAsync();

        var chinese = await UploadAsync(admin, Encoding.UTF8.GetBytes(BadFile));
        Assert.Equal(HttpStatusCode.BadRequest, chinese.StatusCode);
        var text = await chinese.VisibleTextAsync();
        Assert.Contains("文件有以下问题，未保存：", text);
        Assert.Contains("第 6 行：“funday”不是星期名称（monday … sunday）", text);
        Assert.Contains("第 7 行：时间段“17:00-09:00”的结束时间不晚于开始时间", text);
        Assert.Contains("第 10 行：“2029-02-30”不是日期（yyyy-MM-dd）", text);
        Assert.Contains("第 11 行：2027-05-01 不在本文件的年份 2029 内", text);

        var english = await (await UploadAsync(admin, Encoding.UTF8.GetBytes(BadFile), "en")).VisibleTextAsync();
        Assert.Contains("line 10: '2029-02-30' is not a date (yyyy-MM-dd)", english);
        Assert.DoesNotContain("第 10 行", english);

        Assert.Equal(stored, await StoredAsync());
    }

    public static TheoryData<byte[], string> UnreadableFiles => new()
    {
        { Encoding.UTF8.GetBytes("{ \"year\": 2029, "), "不是有效的 JSON" },
        { [0x7B, 0xB2, 0xE2, 0xCA, 0xD4, 0x7D], "文件不是 UTF-8 编码的文本" },
        { Encoding.UTF8.GetBytes(new string(' ', 257 * 1024)), "文件超过 256 KB" },
        { Encoding.UTF8.GetBytes(YearFile(2029, "2029-03-15", timeZone: "Europe/Berlin")), "2029 年日历使用时区 Europe/Berlin，而 2026 年使用 Asia/Shanghai" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task AnUnusableFile_Is400WithTheReason_AndNothingIsStored(byte[] file, string message)
    {
        var admin = await _app.SignedInAsync(Admin);
        var stored = await StoredAsync();
        var response = await UploadAsync(admin, file);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.VisibleTextAsync());
        Assert.Equal(stored, await StoredAsync());
    }

    [Fact]
    public async Task NoFile_Is400()
    {
        var admin = await _app.SignedInAsync(Admin);
        var response = await admin.PostMultipartAsync("/Admin/Calendar", [], []);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请选择要上传的文件", await response.VisibleTextAsync());
    }

    [Fact]
    public async Task AnUnknownYear_Is404_AndOnlyAnAdminMayReplaceAYear()
    {
        var admin = await _app.SignedInAsync(Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Calendar/Year/1999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/Admin/Calendar/Year/1999?handler=Download")).StatusCode);
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync("dispatcher@demo.local", new ReplaceCalendarYear(YearFile(2030, "2030-03-15"))));
        Assert.DoesNotContain(await StoredAsync(), y => y.Year == 2030);
    }
}
