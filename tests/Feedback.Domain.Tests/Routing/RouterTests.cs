using Feedback.Domain.Cases;
using Feedback.Domain.Routing;

namespace Feedback.Domain.Tests.Routing;

public class RouterTests
{
    private static readonly Guid Billing = Guid.NewGuid(), Operations = Guid.NewGuid(), ServiceCentre = Guid.NewGuid(), Integrity = Guid.NewGuid();
    private static readonly Guid BillingCategory = Guid.NewGuid(), OutageCategory = Guid.NewGuid(), OtherCategory = Guid.NewGuid();
    private static readonly Guid Bincheng = Guid.NewGuid(), Huimin = Guid.NewGuid();

    private static RoutingInput Input(CaseKind kind = CaseKind.Complaint, Channel channel = Channel.Web, Guid? category = null,
        Guid? area = null, string subject = "问题", string description = "描述", Guid? accused = null) =>
        new(kind, channel, category ?? OtherCategory, area ?? Bincheng, subject, description, accused);

    private static RoutingRule Rule(int order, Guid department, Priority priority = Priority.Normal) =>
        new($"rule {order}", order, department, priority);

    [Fact]
    public void KindCondition_MatchesOnlyThoseKinds()
    {
        var rules = new[] { Rule(1, ServiceCentre).When(kinds: [CaseKind.Praise, CaseKind.Suggestion]) };
        Assert.Equal(ServiceCentre, Router.Route(Input(CaseKind.Praise), rules, Integrity).DepartmentId);
        Assert.Equal(ServiceCentre, Router.Route(Input(CaseKind.Suggestion), rules, Integrity).DepartmentId);
        Assert.Null(Router.Route(Input(CaseKind.Complaint), rules, Integrity).DepartmentId);
    }

    [Fact]
    public void CategoryCondition_MatchesOnlyThatCategory()
    {
        var rules = new[] { Rule(1, Billing).When(categories: [BillingCategory]) };
        Assert.Equal(Billing, Router.Route(Input(category: BillingCategory), rules, Integrity).DepartmentId);
        Assert.Null(Router.Route(Input(category: OutageCategory), rules, Integrity).DepartmentId);
    }

    [Fact]
    public void AreaCondition_MatchesOnlyThatArea()
    {
        var rules = new[] { Rule(1, Operations).When(areas: [Huimin]) };
        Assert.Equal(Operations, Router.Route(Input(area: Huimin), rules, Integrity).DepartmentId);
        Assert.Null(Router.Route(Input(area: Bincheng), rules, Integrity).DepartmentId);
    }

    [Fact]
    public void ChannelCondition_MatchesOnlyThatChannel()
    {
        var rules = new[] { Rule(1, ServiceCentre).When(channels: [Channel.Hotline]) };
        Assert.Equal(ServiceCentre, Router.Route(Input(channel: Channel.Hotline), rules, Integrity).DepartmentId);
        Assert.Null(Router.Route(Input(channel: Channel.Web), rules, Integrity).DepartmentId);
    }

    [Theory]
    [InlineData("小区突然停电", "", true)]
    [InlineData("电压不稳", "昨晚断电两次", true)]
    [InlineData("Power OUTAGE on Main Street", "", true)]
    [InlineData("question", "there was an Outage again", true)]
    [InlineData("电费太高", "希望核查", false)]
    [InlineData("Bill too high", "please check", false)]
    public void KeywordCondition_FindsChineseAndEnglishWordsIgnoringCase(string subject, string description, bool matches)
    {
        var rules = new[] { Rule(1, Operations, Priority.High).When(keywords: ["停电", "断电", "outage"]) };
        var decision = Router.Route(Input(subject: subject, description: description), rules, Integrity);
        Assert.Equal(matches ? Operations : null, decision.DepartmentId);
        Assert.Equal(matches ? Priority.High : Priority.Normal, decision.Priority);
    }

    [Fact]
    public void AllSetConditions_MustHold()
    {
        var rules = new[] { Rule(1, Operations).When(categories: [OutageCategory], areas: [Huimin], keywords: ["停电"]) };
        Assert.Equal(Operations, Router.Route(Input(category: OutageCategory, area: Huimin, subject: "停电"), rules, Integrity).DepartmentId);
        Assert.Null(Router.Route(Input(category: OutageCategory, area: Bincheng, subject: "停电"), rules, Integrity).DepartmentId);
        Assert.Null(Router.Route(Input(category: OutageCategory, area: Huimin, subject: "电压"), rules, Integrity).DepartmentId);
    }

    [Fact]
    public void RulesAreTriedInOrder_NotInListOrder()
    {
        var rules = new[]
        {
            Rule(20, Operations, Priority.High).When(keywords: ["停电"]),
            Rule(10, Billing).When(categories: [BillingCategory]),
        };
        var decision = Router.Route(Input(category: BillingCategory, subject: "欠费停电"), rules, Integrity);
        Assert.Equal(Billing, decision.DepartmentId);
        Assert.Equal(rules[1].Id, decision.RuleId);
        Assert.Equal(Priority.Normal, decision.Priority);
    }

    [Fact]
    public void DisabledRules_AreSkipped()
    {
        var disabled = Rule(1, Billing).When(categories: [BillingCategory]);
        disabled.Enable(false);
        var rules = new[] { disabled, Rule(2, ServiceCentre) };
        Assert.Equal(ServiceCentre, Router.Route(Input(category: BillingCategory), rules, Integrity).DepartmentId);
    }

    [Fact]
    public void Report_GoesToTheIntegrityOffice_WhateverTheRulesSay()
    {
        var rules = new[] { Rule(1, Billing), Rule(2, Operations).When(kinds: [CaseKind.Report]) };
        var decision = Router.Route(Input(CaseKind.Report, accused: Billing), rules, Integrity);
        Assert.Equal(Integrity, decision.DepartmentId);
        Assert.Equal(Priority.High, decision.Priority);
        Assert.Null(decision.RuleId);
    }

    [Fact]
    public void Report_AccusingTheIntegrityOffice_GoesToTriage()
    {
        var decision = Router.Route(Input(CaseKind.Report, accused: Integrity), [Rule(1, Billing)], Integrity);
        Assert.Null(decision.DepartmentId);
    }

    [Fact]
    public void Report_WithoutAnIntegrityOffice_GoesToTriage() =>
        Assert.Null(Router.Route(Input(CaseKind.Report), [Rule(1, Billing)], integrityOfficeId: null).DepartmentId);

    [Fact]
    public void NoMatchingRule_GoesToTriage()
    {
        var decision = Router.Route(Input(category: OtherCategory), [Rule(1, Billing).When(categories: [BillingCategory])], Integrity);
        Assert.Null(decision.DepartmentId);
        Assert.Null(decision.RuleId);
        Assert.Equal(Priority.Normal, decision.Priority);
        Assert.Contains("triage", decision.Explanation);
    }

    [Fact]
    public void NoRulesAtAll_GoesToTriage() =>
        Assert.Null(Router.Route(Input(), [], Integrity).DepartmentId);

    [Fact]
    public void RuleWithoutConditions_TakesEverything()
    {
        var decision = Router.Route(Input(CaseKind.Suggestion, Channel.Letter), [Rule(1, ServiceCentre)], Integrity);
        Assert.Equal(ServiceCentre, decision.DepartmentId);
    }

    [Fact]
    public void BlankKeywords_AreIgnored_NotMatchedEverywhere()
    {
        var rule = Rule(1, Operations).When(keywords: ["  ", "", "停电"]);
        Assert.Equal(["停电"], rule.Keywords);
        Assert.Null(Router.Route(Input(subject: "电费"), [rule], Integrity).DepartmentId);
    }

    [Fact]
    public void Explanation_NamesTheRuleAndTheKeyword()
    {
        var decision = Router.Route(Input(subject: "停电了"), [Rule(7, Operations).When(keywords: ["停电"])], Integrity);
        Assert.Contains("rule #7", decision.Explanation);
        Assert.Contains("停电", decision.Explanation);
    }
}
