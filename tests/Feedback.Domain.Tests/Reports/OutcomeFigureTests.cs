using Feedback.Domain.Cases;
using Feedback.Domain.Identity;
using Feedback.Domain.Rectification;
using Feedback.Domain.Reporting;
using Feedback.Domain.Supervision;
using static Feedback.Domain.Tests.Reports.KpiWorld;

namespace Feedback.Domain.Tests.Reports;

/// <summary>
/// The outcome figures of DESIGN §5 on a hand-built April 2026 (Beijing time):
/// <code>
/// S1 suggestion filed Apr 1, adopted, resolved Apr 3, confirmed Apr 7          adopted in April ✓
/// S2 suggestion filed Apr 1, not adopted, resolved Apr 3, confirmed Apr 8      ✗ (not adopted)
/// S3 suggestion filed Apr 2, adopted, resolved Apr 28, still awaiting an answer ✗ (not closed)
/// S4 suggestion filed Mar 30, adopted, resolved Mar 31, confirmed Apr 2        adopted in April ✓ (closed in April)
/// F1 finding    filed Apr 6, resolved Apr 8, accepted by the supervisor Apr 9  raised ✓ verified ✓
/// F2 finding    filed Apr 7, resolved Apr 9, rejected by the supervisor Apr 10 raised ✓ verified ✗ (reopened)
/// F3 finding    filed Apr 8, rejected by the dispatcher as out of scope      raised ✓ verified ✗ (closed, never verified)
/// F4 finding    filed Mar 31, resolved Apr 1, verified by default Apr 8        raised in March, verified in April ✓
/// Reviews: R1 Apr 6 about department A; R2 Apr 20 about a service point (no department); R3 Mar 31.
/// F2's rectification: M1 due Apr 8, done Apr 8 09:00 (on time); M2 due Apr 9, done Apr 11 (late);
///                      M3 due Apr 20, not done (late once Apr 20 has passed); M4 due May 3, not done.
/// </code>
/// April: 2 suggestions adopted (S1, S4), 3 findings raised (F1–F3), 2 verified (F1, F4), 2 reviews,
/// 3 measures due (M1–M3) of which 2 late (M2, M3).
/// </summary>
public sealed class OutcomeFigureTests : IAsyncLifetime
{
    private static readonly ReportMonth March = new(2026, 3);
    private static readonly ReportMonth April = new(2026, 4);
    private static readonly DateTimeOffset Later = At(5, 10);
    private readonly KpiWorld _world = new();
    private readonly List<SuggestionDecision> _decisions = [];
    private readonly User _supervisor = new() { UserName = "supervisor@test", DisplayName = "监督员" };
    private CaseRectification _rectification = null!;
    private Case _s1 = null!, _s4 = null!, _f1 = null!, _f2 = null!, _f3 = null!, _f4 = null!;

    public async Task InitializeAsync()
    {
        _s1 = Suggestion(At(4, 1), SuggestionVerdict.Adopted, resolvedAt: At(4, 3), closedAt: At(4, 7));
        Suggestion(At(4, 1), SuggestionVerdict.NotAdopted, resolvedAt: At(4, 3), closedAt: At(4, 8));
        Suggestion(At(4, 2), SuggestionVerdict.Adopted, resolvedAt: At(4, 28), closedAt: null);
        _s4 = Suggestion(At(3, 30), SuggestionVerdict.Adopted, resolvedAt: At(3, 31), closedAt: At(4, 2));

        _f1 = _world.File(At(4, 6), CaseKind.SupervisionFinding);
        _f1.Accept(Staff, At(4, 6, 11));
        _f1.Resolve("已整改。", Staff, At(4, 8));
        _f1.ConfirmResolution("整改到位。", Submitter, At(4, 9));

        _f2 = _world.File(At(4, 7), CaseKind.SupervisionFinding);
        _f2.Accept(Staff, At(4, 7, 11));
        _f2.Resolve("已整改。", Staff, At(4, 9));
        _f2.RejectResolution("未整改到位。", Submitter, At(4, 10));

        _rectification = CaseRectification.Record(_f2, "培训不到位。", Staff, At(4, 7, 11, 30));
        var m1 = Measure(At(4, 8)); var m2 = Measure(At(4, 9)); Measure(At(4, 20)); Measure(At(5, 3));
        _rectification.CompleteMeasure(_f2, m1, "已完成。", Staff, At(4, 8, 9));
        _rectification.CompleteMeasure(_f2, m2, "已完成。", Staff, At(4, 11));

        _f3 = _world.File(At(4, 8), CaseKind.SupervisionFinding, route: false);
        _f3.Reject(RejectionReason.OutOfScope, "不属于本单位。", null, Dispatcher, At(4, 8, 11));

        _f4 = _world.File(At(3, 31), CaseKind.SupervisionFinding);
        _f4.Accept(Staff, At(3, 31, 11));
        _f4.Resolve("已整改。", Staff, At(4, 1));
        _f4.AutoClose(Verification.DefaultCloseText(verificationRequired: true, "zh-CN"), At(4, 8));
        _world.Save();

        await using var db = _world.Database.NewContext();
        db.Users.Add(_supervisor);
        db.SuggestionDecisions.AddRange(_decisions);
        db.Rectifications.Add(_rectification);
        db.Reviews.AddRange(
            Review(At(4, 6), ReviewTarget.Department, _world.DepartmentA.Id),
            Review(At(4, 20), ReviewTarget.Area, null),
            Review(At(3, 31), ReviewTarget.Department, _world.DepartmentA.Id));
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    private Case Suggestion(DateTimeOffset filedAt, SuggestionVerdict verdict, DateTimeOffset resolvedAt, DateTimeOffset? closedAt)
    {
        var @case = _world.File(filedAt, CaseKind.Suggestion);
        @case.Accept(Staff, filedAt.AddMinutes(30));
        var decision = SuggestionDecision.Decide(@case, verdict, "理由。", Head, filedAt.AddHours(1));
        decision.ClearDomainEvents();
        _decisions.Add(decision);
        @case.Resolve("已答复。", Staff, resolvedAt);
        if (closedAt is { } at)
            @case.ConfirmResolution(null, Submitter, at);
        return @case;
    }

    private Guid Measure(DateTimeOffset dueAt) =>
        _rectification.AddMeasure(_f2, "整改措施", _supervisor.Id, "负责人", DateOnly.FromDateTime(dueAt.Date), dueAt, Staff, At(4, 7, 11, 30)).Id;

    private Review Review(DateTimeOffset submittedAt, ReviewTarget target, Guid? departmentId) =>
        new(_supervisor.Id, target, null, departmentId, _world.Area.Id, DateOnly.FromDateTime(submittedAt.Date), null, [], submittedAt);

    [Fact]
    public async Task SuggestionsAdopted_AreSuggestionsClosedInTheMonthWithTheDecisionAdopted()
    {
        Assert.Equal(2, (await _world.CountAsync(April, Later)).SuggestionsAdopted);
        Assert.Equal(0, (await _world.CountAsync(March, Later)).SuggestionsAdopted);
        Assert.Equal(new[] { _s1.Id, _s4.Id }.Order(), (await _world.CasesBehindAsync(KpiMeasure.SuggestionsAdopted, April, Later)).Order());
    }

    [Fact]
    public async Task FindingsRaised_AreFindingsFiledInTheMonth_AndVerified_AreFindingsClosedByTheirVerification()
    {
        var april = await _world.CountAsync(April, Later);
        Assert.Equal(3, april.FindingsRaised);
        Assert.Equal(2, april.FindingsVerified);
        var march = await _world.CountAsync(March, Later);
        Assert.Equal(1, march.FindingsRaised);      // F4
        Assert.Equal(0, march.FindingsVerified);
        Assert.Equal(new[] { _f1.Id, _f2.Id, _f3.Id }.Order(), (await _world.CasesBehindAsync(KpiMeasure.FindingsRaised, April, Later)).Order());
        Assert.Equal(new[] { _f1.Id, _f4.Id }.Order(), (await _world.CasesBehindAsync(KpiMeasure.FindingsVerified, April, Later)).Order());
    }

    [Fact]
    public async Task MeasuresDue_AreThoseDueInTheMonthOncePassed_AndLate_AreThoseNotDoneByTheirDueDate()
    {
        var april = await _world.CountAsync(April, Later);
        Assert.Equal(3, april.MeasuresDue);
        Assert.Equal(2, april.MeasuresLate);
        Assert.Equal(1.0 / 3, april.MeasuresOnTimeRate);
        Assert.Equal([_f2.Id], await _world.CasesBehindAsync(KpiMeasure.MeasuresLate, April, Later));
        // On April 15, M3 is not due yet: it is neither counted nor late.
        var midApril = await _world.CountAsync(April, At(4, 15));
        Assert.Equal((2, 1), (midApril.MeasuresDue, midApril.MeasuresLate));
        Assert.Equal(0, (await _world.CountAsync(March, Later)).MeasuresDue);
    }

    [Fact]
    public async Task ReviewsSubmitted_CountByDepartmentAndArea_AndNotUnderACategoryOrKindFilter()
    {
        var reviews = await _world.ReviewsAsync(April, Later);
        Assert.Equal(2, KpiFilter.All.Select(reviews)!.Sum(r => r.Count));
        Assert.Equal(1, new KpiFilter(DepartmentId: _world.DepartmentA.Id).Select(reviews)!.Sum(r => r.Count));
        Assert.Equal(0, new KpiFilter(DepartmentId: _world.DepartmentB.Id).Select(reviews)!.Sum(r => r.Count));
        Assert.Equal(2, new KpiFilter(ServiceAreaId: _world.Area.Id).Select(reviews)!.Sum(r => r.Count));
        Assert.Null(new KpiFilter(CategoryId: _world.Billing.Id).Select(reviews));
        Assert.Null(new KpiFilter(Kind: CaseKind.Complaint).Select(reviews));
        Assert.Equal(1, KpiFilter.All.Select(await _world.ReviewsAsync(March, Later))!.Sum(r => r.Count));
    }
}
