using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Cases.Queries;
using Feedback.Domain.Common;
using Feedback.Domain.Notifications;
using Feedback.Domain.Rectification;
using Feedback.Domain.Rectification.Commands;
using Feedback.Domain.Rectification.Queries;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Outcomes;

/// <summary>
/// The rectification record and its verification, through the real pipeline on a fake clock. One app for the
/// class: each test files its own cases and asserts only on them; the clock only moves forward.
/// </summary>
public sealed class RectificationTests(OutcomeApp app) : IClassFixture<OutcomeApp>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly OutcomeApp _app = app;

    [Fact]
    public async Task StaffRecordMeasures_CompleteOneWithEvidence_AndTheSubmitterSeesTheProgress()
    {
        var (receipt, first, _) = await _app.FileWithTwoMeasuresAsync();
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(OutcomeApp.Staff);
        var page = $"/Staff/Case/{receipt.CaseId}/Outcome";
        var response = await client.PostMultipartAsync(page,
            Forms.Fields(("Complete.MeasureId", first.ToString()), ("Complete.Note", "已更正读数，退还 326.40 元")),
            [("Complete.Evidence", "退费凭证.png", Png)], $"{page}?handler=CompleteMeasure");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var view = await _app.QueryAsync(OutcomeApp.Customer, new GetCaseRectification(receipt.CaseId, SubmitterProof.None));
        var record = Assert.IsType<RectificationView>(view.Rectification);
        Assert.Equal(50, record.ProgressPercent);
        Assert.True(view.NeedsVerification);
        var done = record.Measures.Single(m => m.Id == first);
        Assert.Equal(MeasureStatus.Done, done.Status);
        Assert.Null(done.OwnerName);
        var evidence = Assert.Single(done.Evidence);
        Assert.Equal("退费凭证.png", evidence.FileName);

        // Staff and the submitter download it; someone else gets a 404.
        Assert.Equal(Png, await client.GetByteArrayAsync($"/evidence/{evidence.Id}"));
        var customer = _app.CreateBrowserClient();
        await customer.SignInAsync(OutcomeApp.Customer);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync($"/evidence/{evidence.Id}")).StatusCode);
        var stranger = _app.CreateBrowserClient();
        await stranger.SignInAsync("customer2@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/evidence/{evidence.Id}")).StatusCode);
        var staffPage = await stranger.GetAsync($"/Staff/Case/{receipt.CaseId}/Outcome");
        Assert.Contains("/Error/403", staffPage.Headers.Location?.ToString());
    }

    [Fact]
    public async Task AMeasureOwner_MustBeStaffOfTheHandlingDepartment()
    {
        var receipt = await _app.FileAndAcceptAsync();
        await _app.SendAsync(OutcomeApp.Staff, new RecordRectification(receipt.CaseId, "原因"));
        var otherDepartment = await _app.UserIdAsync(OutcomeApp.OtherStaff);
        var error = await Assert.ThrowsAsync<ValidationException>(() => _app.SendAsync(OutcomeApp.Staff,
            new AddMeasure(receipt.CaseId, "措施", otherDepartment, new DateOnly(2026, 12, 1))));
        Assert.Equal("Outcomes.Measure.OwnerNotInDepartment", Assert.Single(error.Errors).Code);
        // Staff of another department do not even see the case.
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync(OutcomeApp.OtherStaff, new RecordRectification(receipt.CaseId, "原因")));
    }

    [Fact]
    public async Task BadMeasureForm_GetsTheFormAgainWithMessages_AndA400()
    {
        var (receipt, _, _) = await _app.FileWithTwoMeasuresAsync();
        var client = _app.CreateBrowserClient();
        await client.SignInAsync(OutcomeApp.Staff);
        var page = $"/Staff/Case/{receipt.CaseId}/Outcome";
        var response = await client.PostAsync(page, Forms.Fields(("Measure.Description", ""), ("Measure.OwnerUserId", "not-a-guid"), ("Measure.DueOn", "")),
            $"{page}?handler=AddMeasure");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var past = await client.PostAsync(page, Forms.Fields(("Measure.Description", "x"), ("Measure.OwnerUserId", (await _app.UserIdAsync(OutcomeApp.Staff)).ToString()),
            ("Measure.DueOn", "2020-01-01")), $"{page}?handler=AddMeasure");
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("完成期限不能早于今天", await past.Content.ReadAsStringAsync());
        Assert.Equal(2, await _app.DbAsync(db => db.RectificationMeasures.CountAsync()));
    }

    [Fact]
    public async Task OverdueMeasures_WarnTheirOwnerAndTheHead_Once()
    {
        var (receipt, first, _) = await _app.FileWithTwoMeasuresAsync();
        _app.Clock.Advance(TimeSpan.FromDays(3));
        await _app.ScanAsync();
        Assert.Empty(await _app.EmailsAsync(receipt.CaseId, EmailTemplates.MeasureOverdue));

        _app.Clock.Advance(TimeSpan.FromDays(1));
        await _app.ScanAsync();
        await _app.ScanAsync();
        var emails = await _app.EmailsAsync(receipt.CaseId, EmailTemplates.MeasureOverdue);
        Assert.Equal([OutcomeApp.Head, OutcomeApp.Staff], emails.Select(e => e.To));
        Assert.All(emails, e => Assert.Contains("更正读数并退还多收电费", e.Body));
        Assert.All(emails, e => Assert.Contains("整改超期", e.Subject));

        // The second measure (owned by staff2) falls due a week later: its owner and the head, once more.
        _app.Clock.Advance(TimeSpan.FromDays(30));
        await _app.ScanAsync();
        Assert.Equal([OutcomeApp.Head, OutcomeApp.Head, OutcomeApp.Staff, OutcomeApp.Staff2],
            (await _app.EmailsAsync(receipt.CaseId, EmailTemplates.MeasureOverdue)).Select(e => e.To).Order());
        var warned = await _app.DbAsync(db => db.RectificationMeasures.SingleAsync(m => m.Id == first));
        Assert.NotNull(warned.OverdueWarnedAt);
        // And they count in reports until done.
        var now = _app.Clock.GetUtcNow();
        Assert.Equal(2, await _app.DbAsync(db => db.OverdueMeasures(now).CountAsync(m => m.CaseId == receipt.CaseId)));
    }

    [Fact]
    public async Task Verification_RejectionReopens_AndAcceptanceCloses_WithTheComment()
    {
        var (receipt, _, _) = await _app.FileWithTwoMeasuresAsync();
        await _app.SendAsync(OutcomeApp.Staff, new ResolveCase(receipt.CaseId, "已更正读数"));
        var asked = await _app.QueryAsync(OutcomeApp.Customer, new GetSubmitterCase(receipt.TrackingNumber, SubmitterProof.None));
        Assert.True(asked.NeedsVerification);

        Assert.Equal(CaseStatus.Reopened, await _app.SendAsync(OutcomeApp.Customer,
            new RejectResolution(receipt.CaseId, SubmitterProof.None, "复训还没有做")));
        await _app.SendAsync(OutcomeApp.Staff, new ResumeCase(receipt.CaseId));
        await _app.SendAsync(OutcomeApp.Staff, new ResolveCase(receipt.CaseId, "复训已完成"));
        Assert.Equal(CaseStatus.Closed, await _app.SendAsync(OutcomeApp.Customer,
            new ConfirmResolution(receipt.CaseId, SubmitterProof.None, "验收通过，谢谢")));
        var @case = await _app.CaseAsync(receipt.CaseId);
        Assert.Equal(1, @case.ReopenCount);
        Assert.Contains(@case.Events, e => e.Action == CaseAction.ConfirmResolution && e.Text == "验收通过，谢谢");
    }

    [Fact]
    public async Task TheSevenDaySweep_ClosesUnansweredResolutions_SayingWhetherItWasVerifiedByDefault()
    {
        var (rectified, _, _) = await _app.FileWithTwoMeasuresAsync();
        var plain = await _app.FileAndAcceptAsync(subject: "另一件电费投诉");
        var english = await _app.FileAndAcceptAsync(subject: "A third complaint");
        await _app.DbAsync(db => db.Cases.Where(c => c.Id == english.CaseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Culture, "en")));
        foreach (var id in new[] { rectified.CaseId, plain.CaseId, english.CaseId })
            await _app.SendAsync(OutcomeApp.Staff, new ResolveCase(id, "已处理"));

        _app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        await _app.ScanAsync();
        Assert.Equal(CaseStatus.Resolved, (await _app.CaseAsync(rectified.CaseId)).Status);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await _app.ScanAsync();
        await _app.ScanAsync();
        string Closing(Case @case) => Assert.Single(@case.Events, e => e.Action == CaseAction.AutoClose).Text!;
        var verified = await _app.CaseAsync(rectified.CaseId);
        Assert.Equal(CaseStatus.Closed, verified.Status);
        Assert.Contains("验收默认通过", Closing(verified));
        Assert.True(Assert.Single(verified.Events, e => e.Action == CaseAction.AutoClose).IsPublic);
        Assert.Equal("7 天内未收到答复，工单自动办结。", Closing(await _app.CaseAsync(plain.CaseId)));
        Assert.Equal("Closed automatically after 7 days without an answer.", Closing(await _app.CaseAsync(english.CaseId)));
    }
}
