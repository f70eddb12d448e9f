using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Sla;
using Feedback.Domain.Sla.Commands;
using Feedback.Domain.Sla.Queries;

namespace Feedback.Web.Tests.Deadlines;

/// <summary>Extension requests and decisions through the real pipeline, and the deadlines view of a case.</summary>
public sealed class ExtensionTests(DeadlineApp app) : IClassFixture<DeadlineApp>
{
    [Fact]
    public async Task StaffAsk_TheHeadApproves_TheEffectiveDeadlineMoves_AndTheOriginalStays()
    {
        var id = await app.FileAndAcceptAsync();
        var calendar = await app.CalendarAsync();
        var before = await app.CaseAsync(id);

        await app.SendAsync(DeadlineApp.Staff, new RequestDeadlineExtension(id, 2, "  等待表计厂家出具检定报告  "));
        var extensionId = Assert.Single((await app.CaseAsync(id)).Extensions).Id;
        var pending = await app.QueryAsync(DeadlineApp.Head, new GetCaseDeadlines(id));
        Assert.True(pending.MayDecideExtension);
        Assert.False(pending.MayRequestExtension);
        var request = Assert.Single(pending.Extensions);
        Assert.Equal((ExtensionStatus.Pending, "等待表计厂家出具检定报告", 2), (request.Status, request.Reason, request.WorkingDays));
        Assert.Equal(calendar.AddWorkingDays(before.ResolveBy!.Value, 2), request.ProposedResolveBy);
        Assert.Equal(before.ResolveBy, (await app.CaseAsync(id)).ResolveBy);

        await app.SendAsync(DeadlineApp.Head, new DecideDeadlineExtension(id, extensionId, Approve: true, "同意"));

        var after = await app.CaseAsync(id);
        Assert.Equal(calendar.AddWorkingDays(before.ResolveBy!.Value, 2), after.ResolveBy);
        Assert.Equal(before.ResolveBy, after.OriginalResolveBy);
        Assert.Equal(after.ResolveBy, request.ProposedResolveBy);
        var entries = after.Events.Where(e => e.Type is CaseEventType.ExtensionRequested or CaseEventType.ExtensionApproved).OrderBy(e => e.At).ToList();
        Assert.Equal([CaseEventType.ExtensionRequested, CaseEventType.ExtensionApproved], entries.Select(e => e.Type));
        Assert.All(entries, e => Assert.False(e.IsPublic));
        Assert.Equal(Actor.DepartmentHead, entries[1].ActorCapacity);

        var view = await app.QueryAsync(DeadlineApp.Staff, new GetCaseDeadlines(id));
        Assert.True(view.IsExtended);
        Assert.True(view.MayRequestExtension);
        Assert.False(view.MayDecideExtension);
    }

    [Fact]
    public async Task OnlyTheHeadOfTheCasesDepartment_Decides()
    {
        var id = await app.FileAndAcceptAsync();
        await app.SendAsync(DeadlineApp.Staff, new RequestDeadlineExtension(id, 1, "需要现场复核"));
        var extensionId = Assert.Single((await app.CaseAsync(id)).Extensions).Id;

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(DeadlineApp.Staff, new DecideDeadlineExtension(id, extensionId, true)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync("head.om@demo.local", new DecideDeadlineExtension(id, extensionId, true)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync(DeadlineApp.Head, new DecideDeadlineExtension(id, Guid.NewGuid(), true)));

        await app.SendAsync(DeadlineApp.Head, new DecideDeadlineExtension(id, extensionId, Approve: false, "理由不充分"));
        var @case = await app.CaseAsync(id);
        Assert.Equal(@case.OriginalResolveBy, @case.ResolveBy);
        Assert.Equal(ExtensionStatus.Refused, Assert.Single(@case.Extensions).Status);
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => app.SendAsync(DeadlineApp.Head, new DecideDeadlineExtension(id, extensionId, true)));
        Assert.Equal("Deadlines.Extension.AlreadyDecided", error.Code);
    }

    [Fact]
    public async Task Requests_NeedAReasonAndSensibleDays_AndComeFromTheCasesOwnStaff()
    {
        var id = await app.FileAndAcceptAsync();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(DeadlineApp.Staff, new RequestDeadlineExtension(id, 0, " ")));
        Assert.Equal(["Reason", "WorkingDays"], invalid.Errors.Select(e => e.Field).Order());
        await Assert.ThrowsAsync<ValidationException>(() => app.SendAsync(DeadlineApp.Staff, new RequestDeadlineExtension(id, DeadlineExtension.MaxWorkingDays + 1, "太多")));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAsync("staff.om@demo.local", new RequestDeadlineExtension(id, 1, "不是我们的")));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAsync(DeadlineApp.Dispatcher, new RequestDeadlineExtension(id, 1, "调度员")));
        Assert.Empty((await app.CaseAsync(id)).Extensions);
    }

    [Fact]
    public async Task TheDeadlinesView_ListsPausesWithTheirReasons()
    {
        var id = await app.FileAndAcceptAsync();
        await app.ActAsync(id, DeadlineApp.Staff, Actor.Staff, (@case, by, now) => @case.RequestInformation("请提供电表编号", by, now));
        app.Clock.Advance(TimeSpan.FromHours(1));

        var paused = await app.QueryAsync(DeadlineApp.Dispatcher, new GetCaseDeadlines(id));
        Assert.True(paused.IsPaused);
        var pause = Assert.Single(paused.Pauses);
        Assert.Equal(("请提供电表编号", ClockStopKind.AwaitingInfo, (DateTimeOffset?)null), (pause.Reason, pause.Kind, pause.End));
        Assert.Equal(60, pause.WorkingMinutes);
        Assert.Equal(60, paused.PausedWorkingMinutes);
        Assert.False(paused.MayRequestExtension);

        await app.ActAsync(id, DeadlineApp.Staff, Actor.Staff, (@case, by, now) => @case.ProvideInformation("电表编号 42", by, now));
        var answered = await app.QueryAsync(DeadlineApp.Staff, new GetCaseDeadlines(id));
        Assert.False(answered.IsPaused);
        Assert.NotNull(Assert.Single(answered.Pauses).End);
        Assert.Equal(60, answered.PausedWorkingMinutes);
        await Assert.ThrowsAsync<NotFoundException>(() => app.QueryAsync("staff.om@demo.local", new GetCaseDeadlines(id)));
    }
}
