using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Feedback.Web.Infrastructure.Web;

/// <summary>Tells the person who ran `dotnet run` where the site is and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var paths = app.Services.GetRequiredService<FeedbackPaths>();
        Console.WriteLine();
        Console.WriteLine("Feedback is running.");
        foreach (var address in addresses)
            Console.WriteLine($"  Open {address}");
        Console.WriteLine($"  Database: {Path.Combine(paths.DataPath, "feedback.db")}");
        var demo = app.Configuration.GetSection("Demo");
        if (demo.GetValue("SeedAccounts", false))
            Console.WriteLine($"  Demo accounts (password: {demo["Password"]}): " + string.Join(", ", demo.GetSection("Accounts").GetChildren().Select(a => a["Email"])));
        Console.WriteLine();
    }
}
