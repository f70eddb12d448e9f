using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Web.Tests.Infrastructure;
using static Feedback.Web.Tests.Public.PublicFlows;

namespace Feedback.Web.Tests.Public;

/// <summary>"My cases" for signed-in customers, and who may download an attachment.</summary>
[Collection(PublicCollection.Name)]
public sealed class CustomerAndAttachmentTests(FeedbackAppFixture fixture)
{
    private readonly FeedbackApp app = fixture.App;

    [Fact]
    public async Task MyCases_ListsOnlyTheCustomersOwnCases_NewestFirst()
    {
        var customer = app.CreateBrowserClient();
        await SignInAsync(customer, "customer@demo.local");
        var (older, _) = await FileAsync(app, customer, await ValidFormAsync(app, ("Input.Subject", "第一件")));
        var (newer, _) = await FileAsync(app, customer, await ValidFormAsync(app, ("Input.Subject", "第二件")));
        var (someoneElses, _) = await FileAsync(app, app.CreateBrowserClient());

        var page = await customer.GetHtmlAsync("/Customer/Cases");

        Assert.Contains(older, page);
        Assert.Contains(newer, page);
        Assert.DoesNotContain(someoneElses, page);
        Assert.True(page.IndexOf(newer, StringComparison.Ordinal) < page.IndexOf(older, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MyCases_FiltersByStatusAndPagesInSql()
    {
        var customer = app.CreateBrowserClient();
        await SignInAsync(customer, "customer2@demo.local");
        var (resolved, _) = await FileAsync(app, customer);
        await StaffHandlesAsync(app, resolved, CaseStatus.Resolved);
        await FileAsync(app, customer);

        var onlyResolved = await customer.GetHtmlAsync("/Customer/Cases?status=Resolved");
        var firstPage = await app.QueryAsync("customer2@demo.local", new ListMyCases(PageSize: 1));

        Assert.Contains(resolved, onlyResolved);
        Assert.Single(firstPage.Items);
        Assert.True(firstPage.TotalCount >= 2);
        Assert.True(firstPage.HasNext);
    }

    [Theory]
    [InlineData("/Customer/Cases?status=Bogus")]
    [InlineData("/Customer/Cases?pageNumber=0")]
    [InlineData("/Customer/Cases?pageNumber=abc")]
    public async Task MyCases_WithABadQueryString_Is400(string url)
    {
        var customer = app.CreateBrowserClient();
        await SignInAsync(customer, "customer@demo.local");

        var response = await customer.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MyCases_NeedsSigningIn()
    {
        var response = await app.CreateBrowserClient().GetAsync("/Customer/Cases");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CustomerCase_ForTheOwner_ShowsItAndAllowsTheActions_ForAnotherCustomer_Is404()
    {
        var owner = app.CreateBrowserClient();
        await SignInAsync(owner, "customer@demo.local");
        var (number, _) = await FileAsync(app, owner);
        await StaffHandlesAsync(app, number, CaseStatus.Resolved);
        var other = app.CreateBrowserClient();
        await SignInAsync(other, "customer2@demo.local");

        var ownView = await owner.GetAsync($"/Customer/Case/{number}");
        var othersView = await other.GetAsync($"/Customer/Case/{number}");
        var othersConfirm = await other.PostAsync("/Customer/Cases", Forms.Fields(("Input.Comment", "")), $"/Customer/Case/{number}?handler=Confirm");
        var confirm = await owner.PostAsync($"/Customer/Case/{number}", Forms.Fields(("Input.Comment", "好")), $"/Customer/Case/{number}?handler=Confirm");

        Assert.Equal(HttpStatusCode.OK, ownView.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersView.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersConfirm.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(CaseStatus.Closed, (await LoadCaseAsync(app, number)).Status);
    }

    [Fact]
    public async Task Attachment_ForTheSubmitterWithThePinCookieAndTheOwner_IsADownload_ForOthers_Is404()
    {
        var owner = app.CreateBrowserClient();
        await SignInAsync(owner, "customer@demo.local");
        var (number, pin) = await FileAsync(app, owner, null, ("电表 照片.png", Png));
        var attachmentId = (await LoadCaseAsync(app, number)).Attachments.Single().Id;
        var url = $"/attachments/{attachmentId}";
        var tracker = app.CreateBrowserClient();
        await TrackAsync(tracker, number, pin);
        var otherCustomer = app.CreateBrowserClient();
        await SignInAsync(otherCustomer, "customer2@demo.local");

        var byOwner = await owner.GetAsync(url);
        var byTracker = await tracker.GetAsync(url);

        foreach (var response in new[] { byOwner, byTracker })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("电表 照片.png", response.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await otherCustomer.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateBrowserClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/attachments/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Attachment_ForStaffOfTheHandlingDepartment_IsAvailable_ForAnotherDepartment_IsNotFound()
    {
        var (number, _) = await FileAsync(app, app.CreateBrowserClient(), null, ("meter.png", Png));
        await StaffHandlesAsync(app, number, CaseStatus.InProgress);
        var attachmentId = (await LoadCaseAsync(app, number)).Attachments.Single().Id;

        var forHandler = await app.QueryAsync("staff.billing@demo.local", new GetAttachment(attachmentId, SubmitterProof.None));

        Assert.Equal("image/png", forHandler.ContentType);
        await Assert.ThrowsAsync<NotFoundException>(() => app.QueryAsync("staff.om@demo.local", new GetAttachment(attachmentId, SubmitterProof.None)));
    }
}
