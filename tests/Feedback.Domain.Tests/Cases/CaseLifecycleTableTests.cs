using Feedback.Domain.Cases;
using Feedback.Domain.Common;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Cases;

/// <summary>
/// Every (status × action × capacity) against the transition table: the Case methods must do exactly what
/// <see cref="CaseTransitions"/> says — no more, no less.
/// </summary>
public class CaseLifecycleTableTests
{
    public static TheoryData<CaseStatus, CaseAction, Actor> EveryCombination()
    {
        var data = new TheoryData<CaseStatus, CaseAction, Actor>();
        foreach (var status in Enum.GetValues<CaseStatus>())
            foreach (var action in Enum.GetValues<CaseAction>())
                foreach (var actor in Enum.GetValues<Actor>())
                    // AutoClose takes no participant (the system job calls it); see AutoClose_IsForTheSystemOnly.
                    if (action != CaseAction.AutoClose || actor == Actor.System)
                        data.Add(status, action, actor);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Action_IsAllowedExactlyWhenTheTransitionTableSaysSo(CaseStatus status, CaseAction action, Actor actor)
    {
        var @case = TestCases.InStatus(status);
        var eventsBefore = @case.Events.Count;
        var transition = CaseTransitions.Find(status, action);

        if (CaseTransitions.IsAllowed(status, action, actor))
        {
            TestCases.Act(@case, action, TestCases.As(actor));

            Assert.Equal(transition!.To, @case.Status);
            Assert.Equal(eventsBefore + 1, @case.Events.Count);
            var entry = @case.Events[^1];
            Assert.Equal(CaseEventType.StatusChanged, entry.Type);
            Assert.Equal(action, entry.Action);
            Assert.Equal(status, entry.FromStatus);
            Assert.Equal(transition.To, entry.ToStatus);
            Assert.Equal(actor, entry.ActorCapacity);
            var raised = Assert.Single(@case.DomainEvents.OfType<CaseStatusChanged>());
            Assert.Equal(new CaseStatusChanged(@case.Id, entry.Id, action, status, transition.To), raised);
            // The submitter's own answer is also a message for whoever handles the case; nothing else is raised.
            var others = @case.DomainEvents.Where(e => e is not CaseStatusChanged).ToList();
            if (action == CaseAction.ProvideInfo && actor == Actor.Submitter)
                Assert.Equal(new SubmitterMessageAdded(@case.Id, entry.Id), Assert.Single(others));
            else
                Assert.Empty(others);
        }
        else
        {
            var error = Assert.ThrowsAny<DomainRuleException>(() => TestCases.Act(@case, action, TestCases.As(actor)));
            if (transition is null)
            {
                Assert.IsType<DomainRuleException>(error);
                Assert.Equal("Case.TransitionNotAllowed", error.Code);
            }
            else
            {
                Assert.IsType<ForbiddenException>(error);
                Assert.Equal("Case.ActorNotAllowed", error.Code);
            }
            Assert.Equal(status, @case.Status);
            Assert.Equal(eventsBefore, @case.Events.Count);
            Assert.Empty(@case.DomainEvents);
        }
    }

    [Fact]
    public void EveryStatus_IsReachable_AndEveryTransitionLeadsSomewhereKnown()
    {
        foreach (var transition in CaseTransitions.All)
        {
            Assert.True(Enum.IsDefined(transition.To));
            Assert.NotEmpty(transition.By);
        }
        foreach (var status in Enum.GetValues<CaseStatus>())
            Assert.Equal(status, TestCases.InStatus(status).Status);
    }

    [Fact]
    public void AutoClose_IsForTheSystemOnly()
    {
        var transition = CaseTransitions.Find(CaseStatus.Resolved, CaseAction.AutoClose);
        Assert.Equal([Actor.System], transition!.By);
    }

    [Theory]
    [InlineData(CaseStatus.Submitted)]
    [InlineData(CaseStatus.Assigned)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.AwaitingInfo)]
    [InlineData(CaseStatus.Resolved)]
    [InlineData(CaseStatus.Reopened)]
    public void AutoClose_OutsideResolved_IsRejected(CaseStatus status)
    {
        if (status == CaseStatus.Resolved)
        {
            var resolved = TestCases.InStatus(status);
            resolved.AutoClose("7 days", TestCases.Now);
            Assert.Equal(CaseStatus.Closed, resolved.Status);
            Assert.Equal(TestCases.Now, resolved.ClosedAt);
            return;
        }
        var @case = TestCases.InStatus(status);
        Assert.Throws<DomainRuleException>(() => @case.AutoClose("7 days", TestCases.Now));
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndCapacities))]
    public void AvailableActions_AreExactlyTheAllowedOnes(CaseStatus status, Actor actor)
    {
        var @case = TestCases.InStatus(status);
        var expected = Enum.GetValues<CaseAction>().Where(a => CaseTransitions.IsAllowed(status, a, actor)).Order();
        Assert.Equal(expected, @case.AvailableActions(TestCases.As(actor)).Order());
    }

    public static TheoryData<CaseStatus, Actor> EveryStatusAndCapacities()
    {
        var data = new TheoryData<CaseStatus, Actor>();
        foreach (var status in Enum.GetValues<CaseStatus>())
            foreach (var actor in Enum.GetValues<Actor>())
                data.Add(status, actor);
        return data;
    }
}
