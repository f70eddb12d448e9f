using Feedback.Domain.Cases;
using Feedback.Domain.Sla;

namespace Feedback.Domain.Tests.Sla;

public class SlaPolicySelectionTests
{
    private static readonly Guid Outage = Guid.NewGuid(), Billing = Guid.NewGuid();

    private static SlaPolicy Policy(string name, int order) =>
        new(name, order, new SlaTarget(1, TargetUnit.WorkingDays), new SlaTarget(5, TargetUnit.WorkingDays));

    private static readonly SlaPolicy UrgentOutage = Policy("urgent outage", 10).When(categories: [Outage], priorities: [Priority.High, Priority.Urgent]);
    private static readonly SlaPolicy Complaint = Policy("complaint", 20).When(kinds: [CaseKind.Complaint]);
    private static readonly SlaPolicy Report = Policy("report", 30).When(kinds: [CaseKind.Report]);
    private static readonly SlaPolicy Fallback = Policy("fallback", 40);
    private static readonly SlaPolicy[] All = [Fallback, Report, Complaint, UrgentOutage]; // deliberately out of order

    [Theory]
    [InlineData(CaseKind.Complaint, "outage", Priority.High, "urgent outage")]
    [InlineData(CaseKind.Complaint, "outage", Priority.Urgent, "urgent outage")]
    [InlineData(CaseKind.Complaint, "outage", Priority.Normal, "complaint")]
    [InlineData(CaseKind.Complaint, "billing", Priority.High, "complaint")]
    [InlineData(CaseKind.Report, "billing", Priority.High, "report")]
    [InlineData(CaseKind.Suggestion, "outage", Priority.High, "urgent outage")]
    [InlineData(CaseKind.Suggestion, "billing", Priority.Normal, "fallback")]
    [InlineData(CaseKind.Praise, "billing", Priority.Low, "fallback")]
    public void FirstMatchingPolicyInOrder_Applies(CaseKind kind, string category, Priority priority, string expected)
    {
        var chosen = SlaPolicy.Select(All, kind, category == "outage" ? Outage : Billing, priority);
        Assert.Equal(expected, chosen!.Name);
    }

    [Fact]
    public void Fallback_IsUsedOnlyWhenNoConditionalPolicyMatches_EvenIfOrderedFirst()
    {
        var early = Policy("early fallback", 1);
        Assert.True(early.IsFallback);
        Assert.Equal("complaint", SlaPolicy.Select([early, Complaint], CaseKind.Complaint, Billing, Priority.Normal)!.Name);
        Assert.Equal("early fallback", SlaPolicy.Select([early, Complaint], CaseKind.Praise, Billing, Priority.Normal)!.Name);
    }

    [Fact]
    public void OfSeveralFallbacks_TheFirstInOrderApplies() =>
        Assert.Equal("a", SlaPolicy.Select([Policy("b", 2), Policy("a", 1)], CaseKind.Praise, Billing, Priority.Normal)!.Name);

    [Fact]
    public void NoFallbackAndNoMatch_GivesNone()
    {
        Assert.Null(SlaPolicy.Select([Complaint, Report], CaseKind.Praise, Billing, Priority.Normal));
        Assert.Null(SlaPolicy.Select([], CaseKind.Praise, Billing, Priority.Normal));
    }

    [Fact]
    public void Deadlines_AreCountedOnTheWorkCalendar()
    {
        var policy = new SlaPolicy("p", 1, new SlaTarget(2, TargetUnit.WorkingHours), new SlaTarget(1, TargetUnit.WorkingDays));
        var filed = Support.ShippedSetup.ShanghaiTime(2026, 9, 30, 16, 0);
        var deadlines = policy.DeadlinesFrom(filed, Support.ShippedSetup.WorkCalendar);
        // 1.5 h are left on Sep 30; Oct 1–7 is the National Day holiday; Oct 8 opens at 08:30.
        Assert.Equal(Support.ShippedSetup.ShanghaiTime(2026, 10, 8, 9, 0), deadlines.ContactBy);
        Assert.Equal(Support.ShippedSetup.ShanghaiTime(2026, 10, 8, 16, 0), deadlines.ResolveBy);
        Assert.Equal(policy.Id, deadlines.PolicyId);
        Assert.Equal(120, policy.ContactTarget.WorkingMinutes(Support.ShippedSetup.WorkCalendar));
        Assert.Equal(450, policy.ResolveTarget.WorkingMinutes(Support.ShippedSetup.WorkCalendar));
    }
}
