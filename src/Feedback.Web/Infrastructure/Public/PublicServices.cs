namespace Feedback.Web.Infrastructure.Public;

public static class PublicServices
{
    /// <summary>The public and customer side: tracking cookie, content pages, local times.</summary>
    public static IServiceCollection AddFeedbackPublic(this IServiceCollection services)
    {
        services.AddSingleton<TrackedCasesCookie>();
        services.AddSingleton<ContentPages>();
        services.AddSingleton<LocalTimeFormatter>();
        return services;
    }
}
