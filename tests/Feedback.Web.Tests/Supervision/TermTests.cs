using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Common;
using Feedback.Domain.Supervision.Commands;
using Feedback.Domain.Supervision.Queries;
using Feedback.Web.Tests.Account;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Supervision;

/// <summary>Rights come from a term covering today: they end by themselves, and reappointment brings them back.</summary>
public sealed class TermTests
{
    [Fact]
    public async Task Rights_EndWithTheTerm_WithoutAnyJob_AndReappointmentRestoresThem()
    {
        using var app = new SupervisionApp();
        const string email = "term.ending@example.org";
        var id = await app.AppointAsync(email, SupervisionApp.Today.AddDays(-10), SupervisionApp.Today.AddDays(1));
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email, SupervisionApp.Password);
        var receipt = await app.SendAsync(email, await app.ReviewAsync(await app.FindingAsync("billing")));
        var finding = receipt.FindingTrackingNumbers[0];
        Assert.Equal(HttpStatusCode.OK, SupervisionApp.Outcome(await client.GetAsync("/Supervisor/Review")));
        Assert.Equal(HttpStatusCode.OK, SupervisionApp.Outcome(await client.GetAsync($"/Supervisor/Finding/{finding}")));

        // The last day of the term still counts (Beijing time): 26 November, 23:30.
        // (The sign-in cookie lives 8 hours on the same clock: sign in again after each jump.)
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 15, 30, 0, TimeSpan.Zero));
        client = app.CreateBrowserClient();
        await client.SignInAsync(email, SupervisionApp.Password);
        Assert.Equal(HttpStatusCode.OK, SupervisionApp.Outcome(await client.GetAsync("/Supervisor/Review")));

        // 27 November, 00:30 in Beijing: the term is over.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 16, 30, 0, TimeSpan.Zero));
        client = app.CreateBrowserClient();
        await client.SignInAsync(email, SupervisionApp.Password);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await app.SendAsync(email, await app.ReviewAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, SupervisionApp.Outcome(await client.GetAsync("/Supervisor/Review")));
        Assert.Equal(HttpStatusCode.Forbidden, SupervisionApp.Outcome(await client.GetAsync("/Supervisor/Forum")));
        Assert.Equal(HttpStatusCode.Forbidden, SupervisionApp.Outcome(await client.GetAsync($"/Supervisor/Finding/{finding}")));
        Assert.Equal(HttpStatusCode.Forbidden, SupervisionApp.Outcome(await client.GetAsync($"/Supervisor/ReviewDetail/{receipt.ReviewId}")));
        var dashboard = await client.GetAsync("/Supervisor");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.TextAsync();
        Assert.Contains("您的聘期已于 2026-11-26 届满", html);
        Assert.DoesNotContain(finding, html);
        Assert.DoesNotContain(await app.QueryAsync(SupervisionApp.Admin, new ListSupervisors()) is { } list ? list.Supervisors.Items : [],
            s => s.Email == email && s.IsServing);

        var startsOn = await app.SendAsync(SupervisionApp.Admin, new ReappointSupervisor(id, new DateOnly(2028, 11, 26)));
        Assert.Equal(new DateOnly(2026, 11, 27), startsOn);
        Assert.Equal(HttpStatusCode.OK, SupervisionApp.Outcome(await client.GetAsync("/Supervisor/Review")));
        var terms = await app.DbAsync(db => db.SupervisorTerms.Where(t => t.SupervisorId == id).OrderBy(t => t.StartsOn).Select(t => new { t.StartsOn, t.EndsOn }).ToListAsync());
        Assert.Equal(2, terms.Count);
        Assert.Equal(SupervisionApp.Today.AddDays(1), terms[0].EndsOn);
        Assert.Contains("历届聘期", await (await client.GetAsync("/Supervisor")).TextAsync());
    }

    [Fact]
    public async Task AfterTheTerm_TheFindingCanNoLongerBeVerified_NotEvenThroughTheCustomerCasePage()
    {
        using var app = new SupervisionApp();
        const string email = "term.verifier@example.org";
        await app.AppointAsync(email, SupervisionApp.Today.AddDays(-10), SupervisionApp.Today);
        var number = (await app.SendAsync(email, await app.ReviewAsync(await app.FindingAsync("billing")))).FindingTrackingNumbers[0];
        var caseId = (await app.CaseAsync(number)).Id;
        await app.SendAsync("staff.billing@demo.local", new AcceptCase(caseId));
        await app.SendAsync("staff.billing@demo.local", new ResolveCase(caseId, "已更换缴费机。"));

        // 26 November in Beijing: the term ended yesterday.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email, SupervisionApp.Password);
        var page = $"/Customer/Case/{number}";
        Assert.Equal(HttpStatusCode.Forbidden, SupervisionApp.Outcome(await client.PostAsync(page, [new("Input.Comment", "整改到位。")], $"{page}?handler=Confirm")));
        Assert.Equal(HttpStatusCode.Forbidden, SupervisionApp.Outcome(await client.PostAsync(page, [new("Input.Reason", "仍未整改。")], $"{page}?handler=Reject")));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await app.SendAsync(email, new ConfirmResolution(caseId, SubmitterProof.None)));
        Assert.Equal(CaseStatus.Resolved, (await app.CaseAsync(number)).Status);
    }

    [Fact]
    public async Task ATermThatHasNotStarted_GivesNoRightsYet()
    {
        using var app = new SupervisionApp();
        const string email = "term.future@example.org";
        await app.AppointAsync(email, SupervisionApp.Today.AddDays(7), SupervisionApp.Today.AddYears(1));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await app.SendAsync(email, await app.ReviewAsync()));

        app.Clock.Advance(TimeSpan.FromDays(7));
        var receipt = await app.SendAsync(email, await app.ReviewAsync());
        Assert.NotEqual(Guid.Empty, receipt.ReviewId);
    }
}

/// <summary>With the two-factor requirement on, an appointed supervisor must set up an authenticator before anything else.</summary>
public sealed class SupervisorTwoFactorTests
{
    [Fact]
    public async Task ASupervisorWithoutTwoFactor_IsSentToSetItUp()
    {
        using var app = new SupervisionApp(new Dictionary<string, string?> { ["Security:RequireTwoFactorForStaff"] = "true" });
        const string email = "needs.2fa@example.org";
        await app.AppointAsync(email, SupervisionApp.Today, SupervisionApp.Today.AddYears(1));
        var client = app.CreateBrowserClient();
        await client.SignInAsync(email, SupervisionApp.Password);

        var response = await client.GetAsync("/Supervisor/Review");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Manage/TwoFactor", response.Headers.Location?.OriginalString);
    }
}
