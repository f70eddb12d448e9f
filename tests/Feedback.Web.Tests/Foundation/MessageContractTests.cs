using Feedback.Domain.Common;
using Feedback.Domain.Data;
using Mediator;

namespace Feedback.Web.Tests.Foundation;

/// <summary>DESIGN §7: every command and query declares who may send it.</summary>
public sealed class MessageContractTests
{
    private static IEnumerable<Type> Requests() =>
        new[] { typeof(FeedbackDbContext).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && (typeof(IBaseCommand).IsAssignableFrom(t) || typeof(IBaseQuery).IsAssignableFrom(t)));

    [Fact]
    public void ThereAreCommandsAndQueries() => Assert.NotEmpty(Requests());

    [Fact]
    public void EveryCommandAndQuery_DeclaresWhoMaySendIt()
    {
        var undeclared = Requests().Where(t => !typeof(IAuthorizedMessage).IsAssignableFrom(t)).Select(t => t.FullName).ToList();
        Assert.True(undeclared.Count == 0, "Without IAuthorizedMessage: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void DomainEvents_AreSerialisableRecordsInTheDomain()
    {
        var events = typeof(FeedbackDbContext).Assembly.GetTypes().Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && !t.IsInterface).ToList();
        Assert.NotEmpty(events);
        Assert.All(events, t => Assert.NotNull(t.GetMethod("<Clone>$")));
    }
}
