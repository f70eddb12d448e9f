using System.Net;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;

namespace Feedback.Web.Tests.Supervision;

/// <summary>Managers open each review behind the supervision report: the month's list, then the review in full.</summary>
public sealed class ManagerReviewTests(AppointmentTests.Fixture fixture) : IClassFixture<AppointmentTests.Fixture>
{
    private readonly SupervisionApp _app = fixture.App;

    [Fact]
    public async Task AHead_ListsTheMonthsReviews_AndOpensOne_WithItsScoresCommentsAndFindingsLinkedToTheirCases()
    {
        var receipt = await _app.SendAsync(SupervisionApp.DemoSupervisor,
            await _app.ReviewAsync(await _app.FindingAsync("billing", "自助缴费机无法找零")));
        var head = _app.CreateBrowserClient();
        await head.SignInAsync("head.billing@demo.local");

        var report = await head.GetStringAsync("/Reports/Supervision");
        Assert.Contains("href=\"/Reports/Supervision/Reviews\"", report);
        var list = await head.GetStringAsync("/Reports/Supervision/Reviews?month=2026-11");
        Assert.Contains($"/Reports/Supervision/Review/{receipt.ReviewId}", list);
        Assert.DoesNotContain($"/Reports/Supervision/Review/{receipt.ReviewId}", await head.GetStringAsync("/Reports/Supervision/Reviews?month=2026-10"));

        var review = WebUtility.HtmlDecode(await head.GetStringAsync($"/Reports/Supervision/Review/{receipt.ReviewId}"));
        Assert.Contains("自助缴费机无法找零", review);
        var finding = await _app.CaseAsync(receipt.FindingTrackingNumbers[0]);
        Assert.Contains($"/Staff/Case/{finding.Id}", review);
        // The billing head works that finding: the link opens it.
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/Staff/Case/{finding.Id}")).StatusCode);
    }

    [Theory]
    [InlineData("staff.billing@demo.local", HttpStatusCode.Forbidden)]
    [InlineData("customer@demo.local", HttpStatusCode.Forbidden)]
    [InlineData(SupervisionApp.DemoSupervisor, HttpStatusCode.Forbidden)]
    [InlineData("dispatcher@demo.local", HttpStatusCode.OK)]
    [InlineData(SupervisionApp.Admin, HttpStatusCode.OK)]
    public async Task ReviewPagesForManagers_AnswerByRole(string email, HttpStatusCode expected)
    {
        var receipt = await _app.SendAsync(SupervisionApp.DemoSupervisor, await _app.ReviewAsync());
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(email);

        Assert.Equal(expected, SupervisionApp.Outcome(await client.GetAsync("/Reports/Supervision/Reviews")));
        Assert.Equal(expected, SupervisionApp.Outcome(await client.GetAsync($"/Reports/Supervision/Review/{receipt.ReviewId}")));
    }

    [Theory]
    [InlineData("/Reports/Supervision/Reviews?month=2026-13")]
    [InlineData("/Reports/Supervision/Reviews?month=%3Cscript%3E")]
    [InlineData("/Reports/Supervision/Reviews?page=0")]
    public async Task ABadMonthOrPage_Is400WithTheReason(string path)
    {
        var head = _app.CreateBrowserClient();
        await head.SignInAsync("head.billing@demo.local");

        var response = await head.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnknownReview_Is404()
    {
        var head = _app.CreateBrowserClient();
        await head.SignInAsync("head.billing@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, SupervisionApp.Outcome(await head.GetAsync($"/Reports/Supervision/Review/{Guid.NewGuid()}")));
    }
}
