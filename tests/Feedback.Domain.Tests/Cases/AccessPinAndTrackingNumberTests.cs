using System.Globalization;
using Feedback.Domain.Cases;
using Feedback.Domain.Tests.Support;

namespace Feedback.Domain.Tests.Cases;

public class AccessPinAndTrackingNumberTests
{
    [Fact]
    public void HasPin_AcceptsTheRightPinOnly()
    {
        var @case = TestCases.New();
        Assert.True(@case.HasPin(TestCases.Pin));
        Assert.True(@case.HasPin(" 123456 "));
        Assert.False(@case.HasPin("123457"));
        Assert.False(@case.HasPin(""));
        Assert.False(@case.HasPin(null));
    }

    [Fact]
    public void Pin_IsBoundToTheCase()
    {
        var a = TestCases.New();
        var b = TestCases.New();
        Assert.NotEqual(a.AccessPinHash, b.AccessPinHash);
        Assert.DoesNotContain(TestCases.Pin, a.AccessPinHash);
    }

    [Fact]
    public void NewPin_IsSixDigits()
    {
        for (var i = 0; i < 200; i++)
        {
            var pin = AccessPin.New();
            Assert.Equal(6, pin.Length);
            Assert.All(pin, c => Assert.True(char.IsAsciiDigit(c)));
        }
    }

    [Fact]
    public void NewTrackingNumber_HasTheFilingDateAndSixReadableCharacters()
    {
        var filed = new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < 200; i++)
        {
            var number = TrackingNumber.New(filed);
            Assert.Matches("^261127-[2-9A-HJKMNP-Z]{6}$", number);
            Assert.True(TrackingNumber.LooksValid(number));
        }
    }

    [Fact]
    public void NewTrackingNumber_DoesNotDependOnTheCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // The Thai culture counts years in the Buddhist era (2569) — a tracking number must not.
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.StartsWith("261127-", TrackingNumber.New(new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8))));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(" 261127-k7m3qx ", "261127-K7M3QX", true)]
    [InlineData("261127 - K7M3QX", "261127-K7M3QX", true)]
    [InlineData("261127-K7M3Q0", "261127-K7M3Q0", false)] // 0 is not in the alphabet (looks like O)
    [InlineData("261127-K7M3QI", "261127-K7M3QI", false)] // nor I, L, O, 1
    [InlineData("261127K7M3QX", "261127K7M3QX", false)]
    [InlineData("26112A-K7M3QX", "26112A-K7M3QX", false)]
    [InlineData(null, "", false)]
    public void TypedTrackingNumbers_AreNormalisedThenChecked(string? typed, string normalised, bool valid)
    {
        Assert.Equal(normalised, TrackingNumber.Normalise(typed));
        Assert.Equal(valid, TrackingNumber.LooksValid(TrackingNumber.Normalise(typed)));
    }
}
