using Feedback.Domain.Cases;
using Feedback.Domain.Cases.Commands;
using Feedback.Domain.Rectification.Commands;
using Feedback.Domain.Satisfaction;
using Feedback.Web.Infrastructure.Outbox;
using Feedback.Web.Infrastructure.Reports;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Reports;

/// <summary>The app on a fake clock with its loops off (<see cref="FakeClockApp"/>): tests run the outbox, the survey sweep and the month-end freeze.</summary>
public sealed class ReportsApp() : FakeClockApp(null)
{
    public const string Staff = "staff.billing@demo.local";
    public const string Head = "head.billing@demo.local";
    public const string Dispatcher = "dispatcher@demo.local";
    public const string Admin = "admin@demo.local";

    public Task<int> PublishAsync() => PublishOutboxAsync();
    public Task<int> SweepAsync() => Services.GetRequiredService<SurveySweeper>().RunOnceAsync();
    public Task<int> FreezeDueMonthAsync() => Services.GetRequiredService<MonthlyReportFreezer>().RunOnceAsync();

    public Task<Survey> SurveyAsync(Guid caseId) => DbAsync(db => db.Surveys.SingleAsync(s => s.CaseId == caseId));
}

/// <summary>
/// Cases with surveys, for any <see cref="FeedbackApp"/> whose outbox loop is off (the <see cref="ReportsApp"/>, the
/// survey browser journey): each step runs the outbox itself so the survey and its email exist when it returns.
/// </summary>
public static class SurveyScenario
{
    /// <summary>
    /// A billing complaint (routed to the billing centre) with an email, accepted and resolved by staff; its survey is
    /// sent. With a <paramref name="rootCause"/>, staff record a rectification first, so the complainant must verify it.
    /// </summary>
    public static async Task<CaseReceipt> FileAndResolveAsync(this FeedbackApp app, string email = "li.si@example.com",
        string phone = "13912345678", string? rootCause = null)
    {
        var (category, area) = await app.DbAsync(async db => (
            await db.Categories.Where(c => c.Code == "billing").Select(c => c.Id).SingleAsync(),
            await db.ServiceAreas.Where(a => a.Code == "bincheng").Select(a => a.Id).SingleAsync()));
        var receipt = await app.SendAsync(null, new SubmitCase(CaseKind.Complaint, Channel.Web, category, area, "电费异常",
            "本月电费比上月高出三倍。", false, "李四", phone, email, null, null, "zh-CN", []));
        await app.SendAsync(ReportsApp.Staff, new AcceptCase(receipt.CaseId));
        if (rootCause is not null)
            await app.SendAsync(ReportsApp.Staff, new RecordRectification(receipt.CaseId, rootCause));
        await app.SendAsync(ReportsApp.Staff, new ResolveCase(receipt.CaseId, "已核实并退还多收电费。"));
        await app.Services.GetRequiredService<OutboxProcessor>().RunOnceAsync();
        return receipt;
    }

    /// <summary>The survey link (site-relative) in the latest email of that template to that address.</summary>
    public static Task<string> SurveyLinkAsync(this FeedbackApp app, string to, string template) => app.DbAsync(async db =>
    {
        var body = await db.EmailMessages.Where(m => m.To == to && m.Template == template)
            .OrderByDescending(m => m.CreatedAt).Select(m => m.TextBody).FirstAsync();
        var match = System.Text.RegularExpressions.Regex.Match(body, @"/Public/Survey/[A-Za-z0-9_\-]{43}");
        Assert.True(match.Success, $"No survey link in: {body}");
        return match.Value;
    });
}
