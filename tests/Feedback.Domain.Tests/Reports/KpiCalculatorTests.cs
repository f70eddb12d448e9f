using Feedback.Domain.Cases;
using Feedback.Domain.Reporting;
using Feedback.Domain.Satisfaction;
using static Feedback.Domain.Tests.Reports.KpiWorld;

namespace Feedback.Domain.Tests.Reports;

/// <summary>
/// The KPIs of DESIGN §5 on a hand-built March 2026 (Beijing time). The cases, each filed at 10:00 and held to
/// 1 working day for contact and 5 for resolution (450-minute working days):
/// <code>
/// C1 complaint  filed Mar 2, replied Mar 2 11:00, resolved Mar 5, confirmed Mar 6      contact ✓ (Mar 3)  resolve ✓ (Mar 9)   1350 min
/// C2 complaint  filed Mar 9, first contact = resolution Mar 20                          contact ✗ (Mar 10) resolve ✗ (Mar 16)  4050 min
/// C3 complaint  filed Mar 10, accepted, never resolved                                  contact ✗ (Mar 11) resolve ✗ (Mar 17, unresolved overdue)
/// C4 complaint  filed Mar 16, replied 12:00, +5 days extension approved, resolved Mar 26 contact ✓ (Mar 17) resolve ✗ (original Mar 23; extended Mar 30) 3600 min
/// C5 suggestion filed Mar 16, resolved 15:00, reopened Mar 17 10:00, resumed, resolved Mar 18
///                                                                                       contact ✓ (Mar 17) resolve ✓ (Mar 23 + 240 paused min)  210 + 450 = 660 min
/// C6 complaint  filed Mar 4, rejected as spam (closed Mar 4; owes no deadline)
/// C7 complaint  filed Mar 20 to department B from C1's phone, same category: a repeat   contact ✗ (Mar 23) resolve ✗ (Mar 27, unresolved)
/// C8 complaint  filed Feb 27, resolved Mar 3 (Sat Feb 28 is a working day)              contact ✗ (Feb 28) resolve ✓ (Mar 5)   1350 min
/// Surveys: C1 sent Mar 5 answered 5; C2 sent Mar 20 answered 2 "not solved"; C8 sent Mar 3 answered 4;
///          C5 sent Mar 16 15:00 unanswered; C4 sent Mar 26, answered 3 on Apr 1 00:30 (an April answer).
/// </code>
/// </summary>
public sealed class KpiCalculatorTests : IAsyncLifetime
{
    private static readonly ReportMonth March = new(2026, 3);
    private static readonly DateTimeOffset Later = At(4, 10);
    private readonly KpiWorld _world = new();
    private Case _c1 = null!, _c2 = null!, _c3 = null!, _c4 = null!, _c5 = null!, _c6 = null!, _c7 = null!, _c8 = null!;

    public async Task InitializeAsync()
    {
        _c1 = _world.File(At(3, 2), phone: "13800000000");
        _c1.Accept(Staff, At(3, 2, 10, 30));
        _c1.PostPublicReply("我们已经收到。", Staff, At(3, 2, 11));
        _c1.Resolve("已更正电费。", Staff, At(3, 5));
        _c1.ConfirmResolution(null, Submitter, At(3, 6));
        Refresh(_c1, At(3, 6));

        _c2 = _world.File(At(3, 9), phone: "13900000001");
        _c2.Accept(Staff, At(3, 9, 11));
        _c2.Resolve("已处理。", Staff, At(3, 20));
        Refresh(_c2, At(3, 20));

        _c3 = _world.File(At(3, 10), phone: "13900000002");
        _c3.Accept(Staff, At(3, 10, 11));
        Refresh(_c3, Later);

        _c4 = _world.File(At(3, 16), phone: "13900000003");
        _c4.Accept(Staff, At(3, 16, 10, 30));
        _c4.PostPublicReply("需要更换设备。", Staff, At(3, 16, 12));
        var extension = _c4.RequestExtension(5, "等待备件", Calendar, Staff, At(3, 20));
        _c4.DecideExtension(extension.Id, true, null, Calendar, Head, At(3, 20, 11));
        _c4.Resolve("已更换。", Staff, At(3, 26));
        Refresh(_c4, At(3, 26));

        _c5 = _world.File(At(3, 16), CaseKind.Suggestion, phone: "13900000004");
        _c5.Accept(Staff, At(3, 16, 10, 30));
        _c5.Resolve("已采纳。", Staff, At(3, 16, 15));
        _c5.RejectResolution("没有落实。", Submitter, At(3, 17));
        _c5.Resume(Staff, At(3, 17));
        _c5.Resolve("已落实。", Staff, At(3, 18));
        Refresh(_c5, At(3, 18));

        _c6 = _world.File(At(3, 4), phone: "13900000005", route: false);
        _c6.Reject(RejectionReason.Spam, "广告", null, Dispatcher, At(3, 4, 11));
        Refresh(_c6, At(3, 4, 11));

        _c8 = _world.File(At(2, 27), phone: "13900000006");
        _c8.Accept(Staff, At(2, 27, 11));
        _c8.Resolve("已处理。", Staff, At(3, 3));
        Refresh(_c8, At(3, 3));

        _world.Survey(_c1, At(3, 5), score: 5, answeredAt: At(3, 6));
        _world.Survey(_c2, At(3, 20), score: 2, resolved: false, answeredAt: At(3, 21));
        _world.Survey(_c8, At(3, 3), score: 4, answeredAt: At(3, 4));
        _world.Survey(_c5, At(3, 16, 15));
        _world.Survey(_c4, At(3, 26), score: 3, answeredAt: At(4, 1, 0, 30));
        _world.Save();

        // Filed after C1 is stored: the lookup at submission finds C1 (same phone, same category, 18 days earlier).
        _c7 = _world.File(At(3, 20), phone: "138 0000 0000", department: _world.DepartmentB);
        await using (var db = _world.Database.NewContext())
            await RepeatComplaints.FlagAsync(db, _c7, default);
        Refresh(_c7, Later);
        _world.Save();
    }

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task EveryFigureOfTheMonth_MatchesTheHandCount()
    {
        var march = await _world.CountAsync(March, Later);

        Assert.Equal(7, march.Received);              // C1–C7 (C8 was filed in February)
        Assert.Equal(2, march.Closed);                // C1 confirmed, C6 rejected
        Assert.Equal(6, march.Backlog);               // C2, C3, C4, C5, C7, C8 not closed by April 1
        Assert.Equal(6, march.ContactDue);            // C1, C2, C3, C4, C5, C7 (C6 rejected, C8's fell in February)
        Assert.Equal(3, march.ContactOnTime);         // C1, C4, C5
        Assert.Equal(0.5, march.TimelyContactRate);
        Assert.Equal(7, march.ResolveDue);            // C1, C2, C3, C4, C5, C7, C8
        Assert.Equal(3, march.ResolvedOnTime);        // C1, C5, C8
        Assert.Equal(3.0 / 7, march.CommitmentFulfilmentRate);
        Assert.Equal(5, march.Resolved);              // C1, C2, C4, C5, C8
        Assert.Equal(1350 + 4050 + 3600 + 660 + 1350, march.ResolveWorkingMinutes);
        Assert.Equal(11010 / 5.0 / 60, march.MeanResolutionHours!.Value, 6); // 36.7 working hours
        Assert.Equal(5, march.ResolutionsInMonth);    // C5 resolved twice, counted once
        Assert.Equal(1, march.Reopened);              // C5
        Assert.Equal(0.2, march.ReopenRate);
        Assert.Equal(6, march.Complaints);            // C1, C2, C3, C4, C6, C7
        Assert.Equal(1, march.RepeatComplaints);      // C7
        Assert.Equal(1.0 / 6, march.RepeatComplaintRate);
        Assert.Equal(5, march.SurveysSent);           // C1, C2, C4, C5, C8
        Assert.Equal(3, march.SurveyAnswers);         // C1, C2, C8 (C4's came in April)
        Assert.Equal(2, march.Satisfied);             // 5 and 4
        Assert.Equal(2.0 / 3, march.SatisfactionRate);
        Assert.Equal(11.0 / 3, march.MeanScore);
        Assert.Equal(3.0 / 5, march.ResponseRate);
    }

    [Fact]
    public async Task ResolutionTimeP90_IsTheNearestRankOfTheWorkingHours()
    {
        // Five resolutions: 660, 1350, 1350, 3600, 4050 minutes; the ⌈0.9 × 5⌉ = 5th is 4050 min = 67.5 h.
        Assert.Equal(67.5, await _world.P90Async(March, Later));
        // Department B resolved nothing in March.
        Assert.Null(await _world.P90Async(March, Later, new KpiFilter(DepartmentId: _world.DepartmentB.Id)));
    }

    [Fact]
    public async Task ResolutionTimeP90_PerRow_IsEachRowsOwnNearestRank_FromOneScan()
    {
        var byDepartment = await _world.P90sAsync(March, Later, [KpiDimension.Department]);
        // All five March resolutions were Department A's; Department B has no row, so no percentile.
        Assert.Equal(67.5, byDepartment[MonthlyReportFigures.P90Key(KpiDimension.Department, _world.DepartmentA.Id.ToString())]);
        Assert.False(byDepartment.ContainsKey(MonthlyReportFigures.P90Key(KpiDimension.Department, _world.DepartmentB.Id.ToString())));
        // A row's percentile is the same as narrowing the whole to that row.
        var byKind = await _world.P90sAsync(March, Later, [KpiDimension.Kind]);
        foreach (var kind in Enum.GetValues<CaseKind>())
        {
            var narrowed = await _world.P90Async(March, Later, new KpiFilter(Kind: kind));
            Assert.Equal(narrowed, byKind.GetValueOrDefault(MonthlyReportFigures.P90Key(KpiDimension.Kind, kind.ToString())));
        }
        Assert.Contains(byKind.Keys, key => key.StartsWith("Kind:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExtendedDeadline_IsHeldToTheOriginal_AndUnresolvedOverdueCasesAreFailures()
    {
        Assert.True(_c4.ResolveBy > _c4.OriginalResolveBy);
        var late = await _world.CasesBehindAsync(KpiMeasure.ResolvedLate, March, Later);
        Assert.Equal(new HashSet<Guid> { _c2.Id, _c3.Id, _c4.Id, _c7.Id }, late);
    }

    [Fact]
    public async Task SurveyAnswers_CountInTheMonthTheyWereGiven()
    {
        var april = await _world.CountAsync(new ReportMonth(2026, 4), Later);
        Assert.Equal(1, april.SurveyAnswers);
        Assert.Equal(0, april.Satisfied);
        Assert.Equal(0.0, april.SatisfactionRate);
        Assert.Equal(0, april.SurveysSent);
        Assert.Null(april.ResponseRate);
        Assert.Equal(new HashSet<Guid> { _c2.Id }, await _world.CasesBehindAsync(KpiMeasure.Unsatisfied, March, Later));
    }

    [Fact]
    public async Task AMonthWithoutSurveys_HasNoSatisfactionRate_NotZero()
    {
        var february = await _world.CountAsync(new ReportMonth(2026, 2), Later);
        Assert.Equal(1, february.Received);           // C8
        Assert.Equal(1, february.Backlog);
        Assert.Equal(1, february.ContactDue);         // Saturday Feb 28 is a working day: due then, made Mar 3
        Assert.Equal(0, february.ContactOnTime);
        Assert.Equal(0, february.SurveyAnswers);
        Assert.Null(february.SatisfactionRate);
        Assert.Null(february.MeanScore);
        Assert.Null(february.ResponseRate);
        Assert.Null(february.ReopenRate);
        Assert.Null(february.CommitmentFulfilmentRate);
    }

    [Fact]
    public async Task FiguresSplitByDepartmentAndFilterByKind()
    {
        var cells = await _world.CellsAsync(March, Later);
        int Received(Guid? department) => cells.Where(c => c.Key.DepartmentId == department).Sum(c => c.Counts.Received);
        Assert.Equal(5, Received(_world.DepartmentA.Id));
        Assert.Equal(1, Received(_world.DepartmentB.Id));
        Assert.Equal(1, Received(null));              // C6 never left triage

        var suggestions = await _world.CountAsync(March, Later, new KpiFilter(Kind: CaseKind.Suggestion));
        Assert.Equal(1, suggestions.Received);
        Assert.Equal(1, suggestions.Reopened);
        Assert.Equal(0, suggestions.Complaints);

        var departmentB = await _world.CountAsync(March, Later, new KpiFilter(DepartmentId: _world.DepartmentB.Id));
        Assert.Equal(1, departmentB.RepeatComplaints);
        Assert.Equal(0, departmentB.SurveyAnswers);
    }

    [Fact]
    public async Task InALiveMonth_DeadlinesStillAheadAreNotCountedUnlessAlreadyMet()
    {
        // On Friday Mar 20 at noon: C7's contact deadline (Mar 23) is still ahead; C4's (Mar 17) was met.
        var now = At(3, 20, 12);
        var due = await _world.CasesBehindAsync(KpiMeasure.ContactDue, March, now);
        Assert.DoesNotContain(_c7.Id, due);
        Assert.Contains(_c4.Id, due);
        // C5 (due Mar 23 15:30) was resolved Mar 18: already met, so it counts; C7 (due Mar 27, open) is not due yet.
        var resolveDue = await _world.CasesBehindAsync(KpiMeasure.ResolveDue, March, now);
        Assert.Contains(_c5.Id, resolveDue);
        Assert.Contains(_c3.Id, resolveDue);          // due Mar 17, unresolved: a failure already
        Assert.DoesNotContain(_c7.Id, resolveDue);
    }
}
