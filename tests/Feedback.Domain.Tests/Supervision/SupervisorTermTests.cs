using Feedback.Domain.Common;
using Feedback.Domain.Supervision;

namespace Feedback.Domain.Tests.Supervision;

public sealed class SupervisorTermTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static Supervisor Appointed(DateOnly startsOn, DateOnly endsOn) =>
        Supervisor.Appoint(Guid.NewGuid(), " 王代表 ", " 市人大代表 ", [Guid.NewGuid()], startsOn, endsOn, null, Now);

    [Theory]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", true)]
    [InlineData("2026-06-30", true)]
    [InlineData("2027-01-01", true)]
    [InlineData("2027-01-02", false)]
    public void IsServingOn_CountsBothEndsOfTheTerm(string day, bool serving) =>
        Assert.Equal(serving, Appointed(new DateOnly(2026, 1, 2), new DateOnly(2027, 1, 1)).IsServingOn(DateOnly.Parse(day)));

    [Fact]
    public void Reappoint_BeforeTheEnd_StartsTheDayAfter_AndKeepsTheHistory()
    {
        var supervisor = Appointed(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        var term = supervisor.Reappoint(new DateOnly(2028, 12, 31), today: new DateOnly(2026, 11, 25), null, Now);

        Assert.Equal(new DateOnly(2027, 1, 1), term.StartsOn);
        Assert.Equal(2, supervisor.Terms.Count);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)), (supervisor.TermStartsOn, supervisor.TermEndsOn));
        Assert.True(supervisor.IsServingOn(new DateOnly(2026, 12, 31)));
        Assert.True(supervisor.IsServingOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void Reappoint_AfterAGap_StartsToday()
    {
        var supervisor = Appointed(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));
        Assert.False(supervisor.IsServingOn(new DateOnly(2026, 11, 25)));

        var term = supervisor.Reappoint(new DateOnly(2027, 11, 24), today: new DateOnly(2026, 11, 25), null, Now);

        Assert.Equal(new DateOnly(2026, 11, 25), term.StartsOn);
        Assert.True(supervisor.IsServingOn(new DateOnly(2026, 11, 25)));
        Assert.False(supervisor.IsServingOn(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Reappoint_EndingBeforeTheNewTermWouldStart_IsRefused()
    {
        var supervisor = Appointed(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));
        var error = Assert.Throws<ValidationException>(() => supervisor.Reappoint(new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 25), null, Now));
        Assert.Equal("Supervision.Term.EndsBeforeStart", Assert.Single(error.Errors).Code);
        Assert.Single(supervisor.Terms);
    }

    [Fact]
    public void Appoint_ATermLongerThanTheLimit_IsRefused() =>
        Assert.Throws<ValidationException>(() => Appointed(new DateOnly(2026, 1, 1), new DateOnly(2036, 1, 1)));

    [Fact]
    public void Appoint_TrimsNames_AndKeepsEachAreaOnce()
    {
        var area = Guid.NewGuid();
        var supervisor = Supervisor.Appoint(Guid.NewGuid(), " 王代表 ", " 市人大代表 ", [area, area], new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), null, Now);
        Assert.Equal(("王代表", "市人大代表"), (supervisor.Name, supervisor.Affiliation));
        Assert.Equal([area], supervisor.ServiceAreaIds);
    }

    [Fact]
    public void Review_KeepsOnlyTheTargetItNames_AndItsMonth()
    {
        var point = Guid.NewGuid();
        var review = new Review(Guid.NewGuid(), ReviewTarget.Area, point, Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 3, 9), "  ", [(Guid.NewGuid(), 4)], Now);
        Assert.Null(review.ServicePointId);
        Assert.Null(review.DepartmentId);
        Assert.Null(review.Comments);
        Assert.Equal(202603, review.VisitMonth);
    }
}
