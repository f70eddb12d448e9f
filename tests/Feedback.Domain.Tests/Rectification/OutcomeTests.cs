using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Publishing;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Rectification;

public sealed class OutcomeTests
{
    private static readonly DateTimeOffset Now = TestCases.Now;

    private static CaseParticipant Person(Actor capacity, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), capacity.ToString(), new HashSet<Actor> { capacity });

    private static Case Resolved(CaseKind kind = CaseKind.Complaint)
    {
        var @case = TestCases.New(kind, kind == CaseKind.Report ? TestCases.DepartmentB.Id : null);
        @case.HoldTo(new CaseDeadlines(Now.AddHours(8), Now.AddDays(7), null));
        @case.Route(kind == CaseKind.Report ? TestCases.IntegrityOffice : TestCases.DepartmentA, Priority.Normal, CaseParticipant.System, Now);
        var staff = Person(Actor.Staff);
        @case.Accept(staff, Now);
        @case.Resolve("done", staff, Now);
        return @case;
    }

    [Fact]
    public void MisconductReports_CanNeverBePublished()
    {
        Assert.False(Outcome.MayBePublished(CaseKind.Report));
        var report = Resolved(CaseKind.Report);
        Assert.Equal("Outcomes.Outcome.ReportNeverPublished",
            Assert.Throws<DomainRuleException>(() => Outcome.Draft(report, "整改", "内容", Person(Actor.Staff), Now)).Code);
    }

    [Fact]
    public void TheDraft_IsStoredMaskedForThePublic_AndAsWrittenForStaff()
    {
        var @case = Resolved();
        var outcome = Outcome.Draft(@case, "关于张三反映电费问题的整改", "客户张三（13812345678）反映电费异常。", Person(Actor.Staff), Now);
        Assert.Equal("关于张*反映电费问题的整改", outcome.PublicTitle);
        // The body is Markdown: its masks are escaped so that they render as typed.
        Assert.Equal(@"客户张\*（138\*\*\*\*5678）反映电费异常。", outcome.PublicMarkdown);
        Assert.Contains("13812345678", outcome.DraftMarkdown);
    }

    [Fact]
    public void FourEyes_TheDrafterCannotApprove_EvenAsHead()
    {
        var @case = Resolved();
        var head = Guid.NewGuid();
        var drafter = new CaseParticipant(head, "head", new HashSet<Actor> { Actor.Staff, Actor.DepartmentHead });
        var outcome = Outcome.Draft(@case, "t", "b", drafter, Now);
        outcome.SubmitForApproval(drafter, Now);
        Assert.Equal("Outcomes.Outcome.FourEyes", Assert.Throws<ForbiddenException>(() => outcome.Approve(@case, drafter, Now)).Code);
        Assert.Throws<ForbiddenException>(() => outcome.Approve(@case, Person(Actor.Staff), Now));

        outcome.Approve(@case, Person(Actor.DepartmentHead), Now.AddHours(1));
        Assert.Equal(OutcomeStatus.Published, outcome.Status);
        Assert.Equal(Now.AddHours(1), outcome.PublishedAt);
    }

    [Fact]
    public void Unpublishing_NeedsAReason_AndStaysInTheHistory()
    {
        var @case = Resolved();
        var head = Person(Actor.DepartmentHead);
        var outcome = Outcome.Draft(@case, "t", "b", Person(Actor.Staff), Now);
        outcome.SubmitForApproval(Person(Actor.Staff), Now);
        outcome.Approve(@case, head, Now);
        Assert.Equal("Outcomes.Outcome.UnpublishNeedsReason", Assert.Throws<DomainRuleException>(() => outcome.Unpublish("  ", head, Now)).Code);
        Assert.Equal("Outcomes.Outcome.UnpublishFirst",
            Assert.Throws<DomainRuleException>(() => outcome.Revise(@case, "t2", "b2", Person(Actor.Staff), Now)).Code);

        outcome.Unpublish("内容有误", head, Now.AddDays(1));
        Assert.Equal(OutcomeStatus.Unpublished, outcome.Status);
        Assert.Equal([OutcomeStep.Drafted, OutcomeStep.Submitted, OutcomeStep.Approved, OutcomeStep.Unpublished], outcome.History.Select(h => h.Step));
        Assert.Equal("内容有误", outcome.History[^1].Note);
    }

    [Fact]
    public void AnOutcome_IsApprovedOnlyOnceTheCaseIsResolved()
    {
        var @case = TestCases.InStatus(CaseStatus.InProgress);
        var outcome = Outcome.Draft(@case, "t", "b", Person(Actor.Staff), Now);
        outcome.SubmitForApproval(Person(Actor.Staff), Now);
        Assert.Equal("Outcomes.Outcome.CaseNotResolved", Assert.Throws<DomainRuleException>(() => outcome.Approve(@case, Person(Actor.DepartmentHead), Now)).Code);
    }
}
