using System.Net;
using System.Net.Sockets;

namespace Signalering.Functions.Security;

/// <summary>
/// The client a request is counted against: its address after the forwarded-headers middleware, which trusts
/// X-Forwarded-For only from the configured proxies (<see cref="ForwardedHeadersSetup"/>). An IPv6 client counts by
/// its /64: one subscriber holds a whole /64 and can change addresses within it at will.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Key(http.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
