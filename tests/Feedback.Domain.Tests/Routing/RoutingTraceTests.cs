using Feedback.Domain.Cases;
using Feedback.Domain.Routing;

namespace Feedback.Domain.Tests.Routing;

/// <summary>The structured "why" behind a routing decision, which the admin's try-it panel shows in zh-CN or English.</summary>
public class RoutingTraceTests
{
    private static readonly Guid Billing = Guid.NewGuid(), Operations = Guid.NewGuid(), Integrity = Guid.NewGuid();
    private static readonly Guid BillingCategory = Guid.NewGuid(), OtherCategory = Guid.NewGuid(), Bincheng = Guid.NewGuid(), Huimin = Guid.NewGuid();

    private static RoutingInput Input(CaseKind kind = CaseKind.Complaint, Channel channel = Channel.Web, Guid? category = null, string subject = "问题") =>
        new(kind, channel, category ?? OtherCategory, Bincheng, subject, "描述");

    public static TheoryData<RoutingRule, RoutingCondition> FailingRules => new()
    {
        { new RoutingRule("kind", 1, Billing, Priority.Normal).When(kinds: [CaseKind.Praise]), RoutingCondition.Kind },
        { new RoutingRule("category", 1, Billing, Priority.Normal).When(categories: [BillingCategory]), RoutingCondition.Category },
        { new RoutingRule("area", 1, Billing, Priority.Normal).When(areas: [Huimin]), RoutingCondition.Area },
        { new RoutingRule("channel", 1, Billing, Priority.Normal).When(channels: [Channel.Hotline]), RoutingCondition.Channel },
        { new RoutingRule("keywords", 1, Billing, Priority.Normal).When(keywords: ["停电"]), RoutingCondition.Keywords },
        // Several conditions fail: the first in checking order is named.
        { new RoutingRule("two", 1, Billing, Priority.Normal).When(channels: [Channel.Hotline], kinds: [CaseKind.Praise]), RoutingCondition.Kind },
    };

    [Theory]
    [MemberData(nameof(FailingRules))]
    public void ARuleThatDoesNotMatch_NamesTheFirstConditionThatFailed(RoutingRule rule, RoutingCondition failed)
    {
        var trace = Router.Explain(Input(), [rule], Integrity);
        Assert.Equal(RoutingOutcome.NoMatch, trace.Outcome);
        var tried = Assert.Single(trace.Rules);
        Assert.False(tried.Check!.Matched);
        Assert.Equal(failed, tried.Check.FailedCondition);
    }

    [Fact]
    public void TheTrace_ListsEarlierRules_SkipsDisabledOnes_AndEndsWithTheMatch()
    {
        var disabled = new RoutingRule("disabled", 1, Operations, Priority.Urgent);
        disabled.Enable(false);
        var category = new RoutingRule("billing", 2, Billing, Priority.Normal).When(categories: [BillingCategory]);
        var keyword = new RoutingRule("outage words", 3, Operations, Priority.High).When(keywords: ["断电", "停电"]);
        var later = new RoutingRule("later", 4, Billing, Priority.Low);

        var trace = Router.Explain(Input(subject: "昨晚停电"), [later, keyword, category, disabled], Integrity);

        Assert.Equal(RoutingOutcome.Rule, trace.Outcome);
        Assert.Equal(["disabled", "billing", "outage words"], trace.Rules.Select(r => r.Rule.Name));
        Assert.Null(trace.Rules[0].Check);
        Assert.Equal(RoutingCondition.Category, trace.Rules[1].Check!.FailedCondition);
        Assert.Equal(RuleCheck.Match("停电"), trace.Rules[2].Check);
        Assert.Equal((Operations, Priority.High, keyword.Id), (trace.Decision.DepartmentId, trace.Decision.Priority, trace.Decision.RuleId));
    }

    [Fact]
    public void AReport_IsTracedAsTheIntegrityOfficeOverride_WithoutTryingRules()
    {
        var trace = Router.Explain(Input(CaseKind.Report), [new RoutingRule("all", 1, Billing, Priority.Normal)], Integrity);
        Assert.Equal(RoutingOutcome.IntegrityOffice, trace.Outcome);
        Assert.Empty(trace.Rules);
        Assert.Equal(Integrity, trace.Decision.DepartmentId);

        var accusingTheOffice = Router.Explain(Input(CaseKind.Report) with { AccusedDepartmentId = Integrity }, [], Integrity);
        Assert.Equal(RoutingOutcome.ReportToTriage, accusingTheOffice.Outcome);
        Assert.Null(accusingTheOffice.Decision.DepartmentId);
    }

    [Theory]
    [InlineData("停电, outage", new[] { "停电", "outage" })]
    [InlineData("停电，断电、没电；power cut;blackout", new[] { "停电", "断电", "没电", "power cut", "blackout" })]
    [InlineData("停电\r\n\r\n  断电  \nOutage\noutage", new[] { "停电", "断电", "Outage" })]
    [InlineData(" , ，\n", new string[0])]
    [InlineData(null, new string[0])]
    public void Keywords_TypedInOneField_AreSplitOnChineseAndEnglishSeparators(string? text, string[] expected) =>
        Assert.Equal(expected, RoutingRule.ParseKeywords(text));

    [Fact]
    public void HasConditions_IsFalseOnlyForACatchAll()
    {
        Assert.False(new RoutingRule("all", 1, Billing, Priority.Normal).HasConditions);
        Assert.True(new RoutingRule("one", 1, Billing, Priority.Normal).When(channels: [Channel.Letter]).HasConditions);
    }
}
