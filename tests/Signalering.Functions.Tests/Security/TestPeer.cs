using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Signalering.Functions.Tests.Security;

/// <summary>
/// The test server has no TCP connection, so no peer address. With this filter a test says which address the
/// connection comes from (header <c>X-Test-Peer</c>), as a real server would know it, before the app's own pipeline runs.
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestPeer>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer)) context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return following(context);
        });
        next(app);
    };

    public static HttpClient Client(Signalering.Functions.Tests.Infrastructure.SignaleringApp app, string peer)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Header, peer);
        return client;
    }
}
