using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Notifications;
using Feedback.Domain.Sla;
using Feedback.Domain.Sla.Commands;
using Feedback.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Feedback.Web.Tests.Deadlines;

/// <summary>
/// The escalation ladder in the running app: the background scan on a fake clock, the timeline, and the
/// emails through the outbox. Each test files its own case; the clock only moves forward.
/// </summary>
public sealed class EscalationLadderTests : IDisposable
{
    private const long Day = 450; // minutes in a working day of the shipped calendar
    private readonly DeadlineApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Ladder_FiresEachStepOnce_WithOneEmailEach_ToTheRightPeople_InTheirLanguage()
    {
        await _app.SetCultureAsync(DeadlineApp.Dispatcher, "en");
        var id = await _app.FileAndAcceptAsync();
        var calendar = await _app.CalendarAsync();
        var filed = (await _app.CaseAsync(id)).SubmittedAt;
        DateTimeOffset After(long minutes) => calendar.AddWorkingMinutes(filed, minutes);
        var warnAt = After((5 * Day * 75 + 99) / 100);
        Assert.Equal(warnAt, (await _app.CaseAsync(id)).NextEscalationAt);

        _app.Clock.SetUtcNow(warnAt.AddMinutes(-1));
        await _app.ScanAsync();
        Assert.Empty(await _app.EscalationEmailsAsync(id));

        _app.Clock.SetUtcNow(warnAt);
        await _app.ScanAsync();
        await _app.ScanAsync();
        var warning = Assert.Single(await _app.EscalationEmailsAsync(id));
        Assert.Equal((EmailTemplates.DeadlineWarning, DeadlineApp.Staff), (warning.Template, warning.To));
        Assert.Contains("时限预警", warning.Subject);
        Assert.Equal(EscalationLevel.Warned, (await _app.CaseAsync(id)).EscalationLevel);

        _app.Clock.SetUtcNow(After(5 * Day));
        await _app.ScanAsync();
        var @case = await _app.CaseAsync(id);
        Assert.True(@case.IsOverdue);
        Assert.Equal(CaseStatus.InProgress, @case.Status);
        var overdue = (await _app.EscalationEmailsAsync(id))[1];
        Assert.Equal((EmailTemplates.DeadlineOverdue, DeadlineApp.Head), (overdue.Template, overdue.To));
        Assert.Contains("超期", overdue.Subject);

        _app.Clock.SetUtcNow(After(6 * Day).AddMinutes(-1));
        await _app.ScanAsync();
        Assert.Equal(2, (await _app.EscalationEmailsAsync(id)).Count);

        _app.Clock.SetUtcNow(After(6 * Day));
        await _app.ScanAsync();
        _app.Clock.Advance(TimeSpan.FromDays(30));
        await _app.ScanAsync();

        var emails = await _app.EscalationEmailsAsync(id);
        Assert.Equal(DeadlineApp.Templates, emails.Select(e => e.Template));
        Assert.Equal((EmailTemplates.DeadlineEscalated, DeadlineApp.Dispatcher), (emails[2].Template, emails[2].To));
        Assert.StartsWith("[Escalated]", emails[2].Subject);
        AssertTimelineHasEachStepOnceInOrder(await _app.CaseAsync(id));
    }

    [Fact]
    public async Task AfterTheScannerWasStopped_ACaseThatPassedEveryStep_GetsEachOnce_InOrder()
    {
        var id = await _app.FileAndAcceptAsync("停电期间电费照常扣收");
        var other = await _app.FileAndAcceptAsync("另一件电费投诉");

        // Nobody scanned for three weeks.
        _app.Clock.Advance(TimeSpan.FromDays(21));
        await _app.ScanAsync();
        await _app.ScanAsync();

        foreach (var caseId in new[] { id, other })
        {
            var @case = await _app.CaseAsync(caseId);
            Assert.Equal(EscalationLevel.Escalated, @case.EscalationLevel);
            Assert.Null(@case.NextEscalationAt);
            AssertTimelineHasEachStepOnceInOrder(@case);
            var emails = await _app.EscalationEmailsAsync(caseId);
            Assert.Equal(DeadlineApp.Templates, emails.Select(e => e.Template));
            Assert.Equal([DeadlineApp.Staff, DeadlineApp.Head, DeadlineApp.Dispatcher], emails.Select(e => e.To));
        }
    }

    [Fact]
    public async Task APausedCase_DoesNotEscalate_AndTheAnswerMovesItsDeadlineByThePausedWorkingTime()
    {
        var id = await _app.FileAndAcceptAsync();
        var calendar = await _app.CalendarAsync();
        var before = await _app.CaseAsync(id);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _app.ActAsync(id, DeadlineApp.Staff, Actor.Staff, (@case, by, now) => @case.RequestInformation("请提供电表编号", by, now));
        var asked = _app.Clock.GetUtcNow();
        Assert.Null((await _app.CaseAsync(id)).NextEscalationAt);

        _app.Clock.Advance(TimeSpan.FromDays(20));
        await _app.ScanAsync();
        Assert.Empty(await _app.EscalationEmailsAsync(id));

        await _app.ActAsync(id, DeadlineApp.Staff, Actor.Staff, (@case, by, now) => @case.ProvideInformation("电表编号 42", by, now));
        var answered = _app.Clock.GetUtcNow();
        var after = await _app.CaseAsync(id);

        var paused = calendar.WorkingMinutesBetween(asked, answered);
        Assert.Equal(paused, after.PausedWorkingMinutes);
        Assert.Equal(paused, calendar.WorkingMinutesBetween(before.ResolveBy!.Value, after.ResolveBy!.Value));
        Assert.Equal(after.ResolveBy, after.OriginalResolveBy);
        Assert.Equal(before.ContactBy, after.ContactBy);
        Assert.Equal(calendar.WorkingMinutesBetween(before.SubmittedAt, asked), after.AchievedContactMinutes);
        Assert.NotNull(after.NextEscalationAt);
    }

    [Fact]
    public async Task ResolvedCases_NeverEscalate_AndKeepTheirAchievedMinutes()
    {
        var id = await _app.FileAndAcceptAsync();
        _app.Clock.Advance(TimeSpan.FromHours(2));
        await _app.ActAsync(id, DeadlineApp.Staff, Actor.Staff, (@case, by, now) => @case.Resolve("已核实并退还多收电费。", by, now));

        _app.Clock.Advance(TimeSpan.FromDays(30));
        await _app.ScanAsync();

        var @case = await _app.CaseAsync(id);
        Assert.Empty(await _app.EscalationEmailsAsync(id));
        Assert.Equal(EscalationLevel.None, @case.EscalationLevel);
        Assert.Equal(120, @case.AchievedResolveMinutes);
        Assert.Equal(5 * Day - 120, @case.ResolveDifferenceMinutes);
    }

    [Fact]
    public async Task TheScan_IsForTheSystemOnly()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.SendAsync(DeadlineApp.Dispatcher, new ScanDeadlines()));
    }

    [Fact]
    public async Task TheScan_ReadsARangeOfTheNextEscalationIndex()
    {
        var plan = await _app.DbAsync(async db =>
        {
            var now = _app.Clock.GetUtcNow();
            var sql = db.Cases.Where(c => c.NextEscalationAt != null && c.NextEscalationAt <= now)
                .OrderBy(c => c.NextEscalationAt).Select(c => c.Id).Take(50).ToQueryString();
            var lines = await QueryPlan.ExplainAsync(db, sql);
            return string.Join(" | ", lines);
        });
        Assert.Contains("SEARCH", plan);
        Assert.Contains("IX_Cases_NextEscalationAt", plan);
    }

    private static void AssertTimelineHasEachStepOnceInOrder(Case @case)
    {
        var steps = @case.Events
            .Where(e => e.Type is CaseEventType.DeadlineWarning or CaseEventType.DeadlineOverdue or CaseEventType.DeadlineEscalated)
            .OrderBy(e => e.At)
            .ToList();
        Assert.Equal([CaseEventType.DeadlineWarning, CaseEventType.DeadlineOverdue, CaseEventType.DeadlineEscalated], steps.Select(e => e.Type));
        Assert.All(steps, e => Assert.False(e.IsPublic));
    }
}
