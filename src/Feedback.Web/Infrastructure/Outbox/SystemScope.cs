using Feedback.Domain.Common;

namespace Feedback.Web.Infrastructure.Outbox;

/// <summary>
/// Background work (the outbox processor, scanners) runs in its own DI scope acting as the system:
/// <see cref="ICurrentUser"/> in a scope made by <see cref="CreateSystemScope"/> is <see cref="SystemUser.Instance"/>;
/// everywhere else it is whatever the app registered (the signed-in user).
/// </summary>
public static class SystemScope
{
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().User = SystemUser.Instance;
        return scope;
    }

    /// <summary>Wraps the app's <see cref="ICurrentUser"/> registration, which must exist already.</summary>
    public static IServiceCollection AddSystemScopes(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ActingUser)))
            return services;
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ICurrentUser))
            ?? throw new InvalidOperationException("Register ICurrentUser before AddFeedbackEmail: background work acts as the system in place of it.");
        services.Remove(original);
        services.AddScoped<ActingUser>();
        services.AddScoped<ICurrentUser>(provider => provider.GetRequiredService<ActingUser>().User ?? Create(provider, original));
        return services;
    }

    private static ICurrentUser Create(IServiceProvider provider, ServiceDescriptor original) =>
        (ICurrentUser)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!));

    /// <summary>Who the scope acts as, when it is not the signed-in user.</summary>
    public sealed class ActingUser
    {
        public ICurrentUser? User { get; set; }
    }
}
