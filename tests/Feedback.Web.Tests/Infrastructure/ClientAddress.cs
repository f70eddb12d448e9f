using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Feedback.Web.Tests.Infrastructure;

/// <summary>
/// The in-memory test server gives every request the same (empty) remote address. With this, a request says
/// which address it comes from in the <see cref="Header"/> header — as if the TCP peer were that address —
/// before anything else in the app (the forwarded-headers middleware included) looks at it.
/// </summary>
public static class ClientAddress
{
    public const string Header = "X-Test-Peer";

    public static IWebHostBuilder UseClientAddressHeader(this IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, PeerFromHeader>()));

    /// <summary>A client (cookies kept, redirects not followed) whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient CreateClientFrom(this FeedbackApp app, string address)
    {
        var client = app.CreateBrowserClient();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
