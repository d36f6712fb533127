using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Signalering.Functions.Security;

/// <summary>
/// Which proxies may say who the client is (section "ForwardedHeaders"). X-Forwarded-For and X-Forwarded-Proto are
/// believed only from an address in <see cref="KnownProxies"/> or <see cref="KnownNetworks"/> (CIDR), and only the
/// last <see cref="ForwardLimit"/> hops: anything a client writes into the header itself sits further left and is ignored.
/// Nothing configured: only loopback (the Functions host in front of the worker) is trusted.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    public string[] KnownProxies { get; set; } = [];
    public string[] KnownNetworks { get; set; } = [];
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>Applies <see cref="ForwardedHeadersSettings"/> to the options the pipeline's forwarded-headers middleware reads.</summary>
public sealed class ForwardedHeadersSetup(IOptions<ForwardedHeadersSettings> settings) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        var s = settings.Value;
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = s.ForwardLimit;
        options.RequireHeaderSymmetry = false;
        if (s.KnownProxies.Length == 0 && s.KnownNetworks.Length == 0) return; // the framework's default: loopback only
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in s.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in s.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }

    public static bool IsValid(ForwardedHeadersSettings s) =>
        s.ForwardLimit is >= 1 and <= 5
        && s.KnownProxies.All(p => IPAddress.TryParse(p, out _))
        && s.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _));
}
