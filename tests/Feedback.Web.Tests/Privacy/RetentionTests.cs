using System.Net;
using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Identity.Commands;
using Feedback.Domain.Reporting;
using Feedback.Domain.Satisfaction.Commands;
using Feedback.Web.Infrastructure.Privacy;
using Feedback.Web.Infrastructure.Web;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Privacy;

/// <summary>The app on a fake clock with a one-year retention period; tests run the retention sweep themselves.</summary>
public sealed class PrivacyApp() : FakeClockApp(new Dictionary<string, string?> { ["Privacy:RetentionDays"] = "365", ["Privacy:RetentionBatchSize"] = "2" })
{
    public const string Customer = "customer@demo.local";
    public const string Staff = "staff.billing@demo.local";
    public const string Admin = "admin@demo.local";
    public const string Name = "李四";
    public const string Phone = "13912345678";
    public const string Email = "li.si@example.com";

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    public Task<int> SweepAsync() => Services.GetRequiredService<RetentionSweeper>().RunOnceAsync();

    /// <summary>
    /// A billing complaint (routed to the billing centre) with a photo, the person's name and phone in its text,
    /// accepted, resolved, closed by a satisfied survey answer with a comment that names them again: a closed case full of personal data.
    /// </summary>
    public async Task<CaseReceipt> ClosedCaseAsync(string? asUser = null)
    {
        var (category, area) = await BillingInBinchengAsync();
        UploadedFile[] photo = [new("李四的电表.png", Png.Length, () => new MemoryStream(Png))];
        var receipt = await SendAsync(asUser, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "李四家电费异常",
            $"我是{Name}，电话 {Phone}，本月电费比上月高出三倍。", false, Name, Phone, Email, "滨州市滨城区黄河五路100号", "0012345678",
            "zh-CN", photo));
        await SendAsync(Staff, new AcceptCase(receipt.CaseId));
        await SendAsync(Staff, new ResolveCase(receipt.CaseId, $"已致电{Name}先生（{Phone}），核实并退还多收电费。"));
        await PublishOutboxAsync();
        var proof = SubmitterProof.Pin(receipt.TrackingNumber, receipt.AccessPin);
        await SendAsync(null, new AnswerSurvey(null, receipt.CaseId, proof, 5, true, $"谢谢，{Name}很满意。我的电话 {Phone}"));
        // A satisfied answer closes the case (through the outbox).
        await PublishOutboxAsync();
        Assert.Equal(CaseStatus.Closed, (await CaseAsync(receipt.CaseId)).Status);
        return receipt;
    }

    public Task<Case> CaseAsync(Guid id) =>
        DbAsync(db => db.Cases.Include(c => c.Events).Include(c => c.Attachments).SingleAsync(c => c.Id == id));

    /// <summary>The filing month's KPI cells, counted now.</summary>
    public async Task<IReadOnlyList<KpiCell>> FilingMonthKpisAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var kpis = scope.ServiceProvider.GetRequiredService<KpiSource>();
        var month = ReportMonth.Of(Start, await kpis.TimeZoneAsync(default));
        return (await kpis.CountAsync(month, KpiFilter.All, withP90: true, [], default)).Cells;
    }

    public string AttachmentFile(string key) => Path.Combine(Services.GetRequiredService<FeedbackPaths>().AttachmentsPath, key);
}

public sealed class RetentionTests : IDisposable
{
    private readonly PrivacyApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AClosedCase_IsKept_UntilTheRetentionPeriodEnds()
    {
        var receipt = await _app.ClosedCaseAsync();
        _app.Clock.Advance(TimeSpan.FromDays(364));

        Assert.Equal(0, await _app.SweepAsync());

        var kept = await _app.CaseAsync(receipt.CaseId);
        Assert.Null(kept.AnonymisedAt);
        Assert.Equal(PrivacyApp.Name, kept.Contact.Name);
        Assert.Single(kept.Attachments);
        Assert.True(File.Exists(_app.AttachmentFile(kept.Attachments[0].StorageKey)));
        var status = await _app.QueryAsync(PrivacyApp.Admin, new Feedback.Domain.Cases.Queries.GetRetentionStatus(365));
        Assert.Equal((0, 1, 0), (status.DueNow, status.DueSoon, status.Anonymised));
    }

    [Fact]
    public async Task PastTheRetentionPeriod_ContactTextsAttachmentsAndEmailsGo_OnTheTimeline()
    {
        var receipt = await _app.ClosedCaseAsync();
        var before = await _app.CaseAsync(receipt.CaseId);
        var file = _app.AttachmentFile(before.Attachments.Single().StorageKey);
        Assert.True(File.Exists(file));
        Assert.True(await _app.DbAsync(db => db.EmailMessages.AnyAsync(m => m.CaseId == receipt.CaseId)));
        _app.Clock.Advance(TimeSpan.FromDays(366));
        var due = await _app.QueryAsync(PrivacyApp.Admin, new Feedback.Domain.Cases.Queries.GetRetentionStatus(365));
        Assert.Equal(1, due.DueNow);

        Assert.Equal(1, await _app.SweepAsync());

        var after = await _app.CaseAsync(receipt.CaseId);
        Assert.Equal(_app.Clock.GetUtcNow(), after.AnonymisedAt);
        Assert.Equal(ContactDetails.None, after.Contact);
        Assert.Null(after.ContactPhoneKey);
        Assert.Null(after.ContactEmailKey);
        Assert.Empty(after.Attachments);
        Assert.False(File.Exists(file));
        var texts = new[] { after.Subject, after.Description, after.ResolutionSummary }
            .Concat(after.Events.Select(e => e.Text))
            .Concat(after.Events.Select(e => e.ActorName))
            .Append(await _app.DbAsync(db => db.Surveys.Where(s => s.CaseId == receipt.CaseId).Select(s => s.Comment).SingleAsync()))
            .Where(t => t is not null).ToList();
        Assert.DoesNotContain(texts, t => t!.Contains(PrivacyApp.Name) || t.Contains(PrivacyApp.Phone) || t.Contains("li.si"));
        Assert.Contains("电费", after.Description);
        Assert.False(await _app.DbAsync(db => db.EmailMessages.AnyAsync(m => m.CaseId == receipt.CaseId)));
        var entry = Assert.Single(after.Events, e => e.Type == CaseEventType.Anonymised);
        Assert.True(entry.IsPublic);
        Assert.Equal(Actor.System, entry.ActorCapacity);
        // Kind, category, area, department, status and times stay for the statistics.
        Assert.Equal((before.Kind, before.CategoryId, before.ServiceAreaId, before.DepartmentId, before.Status, before.SubmittedAt, before.ClosedAt),
            (after.Kind, after.CategoryId, after.ServiceAreaId, after.DepartmentId, after.Status, after.SubmittedAt, after.ClosedAt));
        var status = await _app.QueryAsync(PrivacyApp.Admin, new Feedback.Domain.Cases.Queries.GetRetentionStatus(365));
        Assert.Equal((0, 1), (status.DueNow, status.Anonymised));
    }

    [Fact]
    public async Task ASecondRun_ChangesNothing()
    {
        var receipt = await _app.ClosedCaseAsync();
        _app.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(1, await _app.SweepAsync());
        var first = await _app.CaseAsync(receipt.CaseId);
        _app.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await _app.SweepAsync());

        var second = await _app.CaseAsync(receipt.CaseId);
        Assert.Equal(first.AnonymisedAt, second.AnonymisedAt);
        Assert.Equal(first.Events.Count, second.Events.Count);
        Assert.Equal(first.Description, second.Description);
    }

    [Fact]
    public async Task ManyDueCases_GoInSeveralBatches_AndOpenCasesAreNeverTouched()
    {
        // Batches of two (see PrivacyApp): five closed cases take three batches in one run.
        var closed = new List<Guid>();
        for (var i = 0; i < 5; i++)
            closed.Add((await _app.ClosedCaseAsync()).CaseId);
        var (category, area) = await _app.BillingInBinchengAsync();
        var open = await _app.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "电费异常",
            "电话 13800000000", false, "王五", "13800000000", null, null, null, "zh-CN", []));
        _app.Clock.Advance(TimeSpan.FromDays(800));

        Assert.Equal(5, await _app.SweepAsync());

        Assert.Equal(5, await _app.DbAsync(db => db.Cases.CountAsync(c => closed.Contains(c.Id) && c.AnonymisedAt != null)));
        var stillOpen = await _app.CaseAsync(open.CaseId);
        Assert.Null(stillOpen.AnonymisedAt);
        Assert.Equal("王五", stillOpen.Contact.Name);
    }

    [Fact]
    public async Task Anonymising_LeavesTheStatisticsAsTheyWere()
    {
        await _app.ClosedCaseAsync();
        await _app.ClosedCaseAsync(PrivacyApp.Customer);
        var before = await _app.FilingMonthKpisAsync();
        Assert.NotEmpty(before);
        _app.Clock.Advance(TimeSpan.FromDays(366));

        Assert.Equal(2, await _app.SweepAsync());

        Assert.Equal(before, await _app.FilingMonthKpisAsync());
    }

    [Fact]
    public async Task DeletingAnAccount_ErasesThePersonsContactFromTheirCases_AndKeepsTheCases()
    {
        var receipt = await _app.ClosedCaseAsync(PrivacyApp.Customer);
        var userId = await _app.UserIdAsync(PrivacyApp.Customer);
        var before = await _app.FilingMonthKpisAsync();
        Assert.Contains((await _app.CaseAsync(receipt.CaseId)).Events, e => e.ActorUserId == userId && e.ActorName != "");

        await _app.SendAsync(PrivacyApp.Customer, new DeleteOwnAccount());

        var after = await _app.CaseAsync(receipt.CaseId);
        Assert.Null(after.SubmitterUserId);
        Assert.Equal(ContactDetails.None, after.Contact);
        Assert.Null(after.ContactPhoneKey);
        Assert.Null(after.ContactEmailKey);
        Assert.All(after.Events.Where(e => e.ActorUserId == userId), e => Assert.Equal("", e.ActorName));
        Assert.Single(after.Events, e => e.Type == CaseEventType.ContactErased);
        Assert.Null(after.AnonymisedAt);
        Assert.Equal(before, await _app.FilingMonthKpisAsync());
        Assert.False(await _app.DbAsync(db => db.Users.AnyAsync(u => u.Id == userId)));
    }

    [Fact]
    public async Task TheAdminSeesTheCountsDue_AndStaffCannot()
    {
        await _app.ClosedCaseAsync();
        _app.Clock.Advance(TimeSpan.FromDays(366));
        var admin = _app.CreateBrowserClient();
        await admin.SignInAsync(PrivacyApp.Admin);

        var page = await admin.GetStringAsync("/Admin/Retention?culture=en");

        Assert.Contains("id=\"retention-due-now\">1<", page);
        Assert.Contains("365", page);
        Assert.DoesNotContain(PrivacyApp.Name, page);
        var staff = _app.CreateBrowserClient();
        await staff.SignInAsync(PrivacyApp.Staff);
        var refused = await staff.GetAsync("/Admin/Retention");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{refused.StatusCode}");

        await _app.SweepAsync();
        page = await admin.GetStringAsync("/Admin/Retention?culture=en");
        Assert.Contains("id=\"retention-due-now\">0<", page);
        Assert.Contains("id=\"retention-anonymised\">1<", page);
        Assert.Contains("1 cases anonymised, 1 attachment files deleted", page);
    }
}
