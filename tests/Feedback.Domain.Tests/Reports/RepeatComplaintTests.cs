using Feedback.Domain.Cases;
using static Feedback.Domain.Tests.Reports.KpiWorld;

namespace Feedback.Domain.Tests.Reports;

/// <summary>重复投诉: the same phone or email complained in the same category in the previous 30 days.</summary>
public sealed class RepeatComplaintTests : IDisposable
{
    private readonly KpiWorld _world = new();

    private async Task<bool> IsRepeatAsync(Case @case)
    {
        await using var db = _world.Database.NewContext();
        await RepeatComplaints.FlagAsync(db, @case, default);
        return @case.IsRepeatComplaint;
    }

    [Fact]
    public async Task SameContactSameCategoryWithin30Days_IsARepeat_WhateverThePhoneFormatting()
    {
        _world.File(At(3, 1), phone: "13812345678");
        _world.Save();
        Assert.True(await IsRepeatAsync(_world.File(At(3, 30), phone: "+86 138-1234-5678")));
    }

    [Fact]
    public async Task OlderThan30Days_OtherCategory_OrASuggestionBefore_IsNotARepeat()
    {
        _world.File(At(2, 1), phone: "13812345678");                                  // 31 days before Mar 4
        _world.File(At(3, 1), phone: "13812345678", category: _world.Outage);
        _world.File(At(3, 2), kind: CaseKind.Suggestion, phone: "13812345678");
        _world.Save();
        Assert.False(await IsRepeatAsync(_world.File(At(3, 4), phone: "13812345678")));
        // A suggestion is never flagged, even from a repeat complainant.
        Assert.False(await IsRepeatAsync(_world.File(At(3, 4), kind: CaseKind.Suggestion, phone: "13812345678")));
    }

    [Fact]
    public void ContactKeys_NormalisePhonesAndEmails()
    {
        Assert.Equal("13812345678", Case.PhoneKey("+86 138 1234 5678"));
        Assert.Equal("13812345678", Case.PhoneKey("0086-13812345678"));
        Assert.Equal("05431234567", Case.PhoneKey("0543-1234567"));
        Assert.Equal("zhang@example.com", Case.EmailKey(" Zhang@Example.COM "));
        Assert.Null(Case.PhoneKey("  "));
    }

    public void Dispose() => _world.Dispose();
}
