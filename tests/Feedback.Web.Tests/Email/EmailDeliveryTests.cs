using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Feedback.Web.Tests.Email;

/// <summary>One app and one SMTP server for the class; every test writes to its own address.</summary>
public sealed class SmtpAppFixture : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();
    public EmailTestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        App = new EmailTestApp(Smtp.Settings());
        _ = App.Services;
    }

    public async Task DisposeAsync()
    {
        App.Dispose();
        await Smtp.DisposeAsync();
    }
}

/// <summary>Filing and handling a case sends the submitter the right email, once, over real SMTP.</summary>
public sealed class EmailDeliveryTests(SmtpAppFixture fixture) : IClassFixture<SmtpAppFixture>
{
    private readonly EmailTestApp _app = fixture.App;
    private readonly TestSmtpServer _smtp = fixture.Smtp;

    private static string NewAddress(string what) => $"{what}-{Guid.NewGuid():N}@example.com";

    [Theory]
    [InlineData("zh-CN", "您的反映已受理", "尊敬的张三：")]
    [InlineData("en", "We have received your feedback", "Dear 张三,")]
    public async Task FilingACaseWithAnEmail_SendsExactlyOneAcknowledgement_WithTrackingNumberPinAndDeadlines(string culture, string subjectStart, string greeting)
    {
        var address = NewAddress("ack");
        var receipt = await _app.FileCaseAsync(address, culture);

        await _app.DeliverAsync();
        await _app.DeliverAsync();

        var message = Assert.Single(_smtp.To(address));
        Assert.StartsWith(subjectStart, message.Subject);
        Assert.Contains(receipt.TrackingNumber, message.Subject);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains(greeting, body);
            Assert.Contains(receipt.TrackingNumber, body);
            Assert.Contains(receipt.AccessPin, body);
            Assert.Contains("http://localhost:5080/Public/Track", body);
        }
        // Deadlines in Beijing time, as the organisation publishes them.
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        Assert.NotNull(receipt.ResolveBy);
        Assert.Contains(TimeZoneInfo.ConvertTime(receipt.ResolveBy!.Value, beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), message.TextBody);
        Assert.Equal("noreply@feedback.local", message.From.Mailboxes.Single().Address);

        var stored = await _app.DbAsync(db => db.EmailMessages.SingleAsync(m => m.CaseId == receipt.CaseId));
        Assert.Equal((EmailStatus.Sent, EmailTemplates.Acknowledgement), (stored.Status, stored.Template));
        Assert.True(await _app.DbAsync(db => db.OutboxMessages.AllAsync(m => m.ProcessedAt != null)));
    }

    [Fact]
    public async Task AnAnonymousCaseWithAnEmail_IsAcknowledged_WithoutAName()
    {
        var address = NewAddress("anonymous");
        var receipt = await _app.FileCaseAsync(address, anonymous: true);

        await _app.DeliverAsync();

        var message = Assert.Single(_smtp.To(address));
        Assert.Contains("尊敬的客户：", message.TextBody);
        Assert.Contains(receipt.AccessPin, message.TextBody);
        Assert.DoesNotContain("张三", message.TextBody + message.HtmlBody);
    }

    [Fact]
    public async Task ACaseWithoutAnEmail_GetsNoEmail()
    {
        var receipt = await _app.FileCaseAsync(null, phone: "13800138000");

        await _app.DeliverAsync();

        Assert.False(await _app.DbAsync(db => db.EmailMessages.AnyAsync(m => m.CaseId == receipt.CaseId)));
        Assert.True(await _app.DbAsync(db => db.OutboxMessages.AllAsync(m => m.ProcessedAt != null)));
    }

    [Fact]
    public async Task APublicReply_IsEmailedToTheSubmitter()
    {
        var address = NewAddress("reply");
        var receipt = await _app.FileCaseAsync(address, "en", subject: "Bill far too high");
        await _app.DeliverAsync();

        await _app.ActAsStaffAsync(receipt.CaseId, (c, staff, now) => c.PostPublicReply("We read your meter again: the March reading was estimated.\nA corrected bill follows.", staff, now));
        await _app.DeliverAsync();

        var reply = Assert.Single(_smtp.To(address), m => m.Subject!.StartsWith("A new reply"));
        Assert.Contains(receipt.TrackingNumber, reply.Subject);
        Assert.Contains("the March reading was estimated.<br />\nA corrected bill follows.", reply.HtmlBody);
        Assert.Contains("Bill far too high", reply.TextBody);
        Assert.Equal(2, _smtp.To(address).Count);
    }

    [Fact]
    public async Task ARequestForInformation_EmailsTheQuestion()
    {
        var address = NewAddress("question");
        var receipt = await _app.FileCaseAsync(address);
        await _app.DeliverAsync();

        await _app.ActAsStaffAsync(receipt.CaseId, (c, staff, now) => c.RequestInformation("请提供电表表号和最近一次缴费凭证的照片。", staff, now));
        await _app.DeliverAsync();

        var question = Assert.Single(_smtp.To(address), m => m.Subject!.StartsWith("请补充您反映的情况"));
        Assert.Contains("请提供电表表号和最近一次缴费凭证的照片。", question.TextBody);
        Assert.Contains("请提供电表表号和最近一次缴费凭证的照片。", question.HtmlBody);
    }

    [Fact]
    public async Task AResolution_EmailsWhatWasDone()
    {
        var address = NewAddress("resolved");
        var receipt = await _app.FileCaseAsync(address);
        await _app.DeliverAsync();

        await _app.ActAsStaffAsync(receipt.CaseId, (c, staff, now) => c.Resolve("经核查为抄表差错，已退还多收电费 236.50 元。", staff, now));
        await _app.DeliverAsync();

        var resolution = Assert.Single(_smtp.To(address), m => m.Subject!.StartsWith("您反映的问题已办理完毕"));
        Assert.Contains("已退还多收电费 236.50 元", resolution.TextBody);
        var templates = await _app.DbAsync(db => db.EmailMessages.Where(m => m.CaseId == receipt.CaseId).Select(m => m.Template).ToListAsync());
        // Resolving also starts the satisfaction survey (回访), which has its own email.
        Assert.Equal(new[] { EmailTemplates.Acknowledgement, EmailTemplates.Resolution, EmailTemplates.SurveyInvitation }.Order(), templates.Order());
    }

    [Fact]
    public async Task ResolvingACase_TellsTheSubmittersOfItsDuplicates_UnderTheirOwnNumber_WithoutTheMastersText()
    {
        var (masterAddress, duplicateAddress) = (NewAddress("master"), NewAddress("duplicate"));
        var master = await _app.FileCaseAsync(masterAddress);
        var duplicate = await _app.FileCaseAsync(duplicateAddress, subject: "我家也停电了", name: "李四");
        await _app.ActAsDispatcherAsync(duplicate.CaseId, (c, dispatcher, now) =>
            c.Reject(RejectionReason.Duplicate, "与另一工单为同一问题", master.CaseId, dispatcher, now));
        await _app.DeliverAsync();

        await _app.ActAsStaffAsync(master.CaseId, (c, staff, now) => c.Resolve("张三家的线路已修复。", staff, now));
        await _app.DeliverAsync();

        var told = Assert.Single(_smtp.To(duplicateAddress), m => m.Subject!.Contains(duplicate.TrackingNumber) && m.Subject.StartsWith("您反映的问题已办理完毕"));
        Assert.Contains("我家也停电了", told.TextBody);
        Assert.Contains("尊敬的李四", told.TextBody);
        Assert.DoesNotContain(master.TrackingNumber, told.TextBody + told.HtmlBody);
        Assert.DoesNotContain("张三", told.TextBody + told.HtmlBody);
        // Resolving the master again later (after a reopening) would tell them again; one resolution, one email.
        Assert.Single(await _app.DbAsync(db => db.EmailMessages.Where(m => m.CaseId == duplicate.CaseId && m.Template == EmailTemplates.DuplicateResolved).ToListAsync()));
    }

    [Fact]
    public async Task AMisconductReporter_IsAcknowledged_ButNotToldHowItIsHandled()
    {
        var address = NewAddress("report");
        var receipt = await _app.FileCaseAsync(address, kind: CaseKind.Report, subject: "抄表员索要好处费");
        await _app.DeliverAsync();

        await _app.ActAsStaffAsync(receipt.CaseId, (c, staff, now) =>
        {
            c.PostPublicReply("已约谈相关人员。", staff, now);
            c.Resolve("已按规定处理。", staff, now);
        });
        await _app.DeliverAsync();

        var acknowledgement = Assert.Single(_smtp.To(address));
        Assert.Contains(receipt.AccessPin, acknowledgement.TextBody);
    }

    [Fact]
    public async Task UserText_ReachesTheHtmlPartEscaped()
    {
        var address = NewAddress("escape");
        await _app.FileCaseAsync(address, subject: "<script>alert('x')</script> [点击](javascript:alert(1))");

        await _app.DeliverAsync();

        var message = Assert.Single(_smtp.To(address));
        Assert.DoesNotContain("<script", message.HtmlBody);
        Assert.DoesNotContain("javascript:alert(1)\"", message.HtmlBody);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", message.HtmlBody);
    }
}
