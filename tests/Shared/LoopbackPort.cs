using System.Net;
using System.Net.Sockets;

namespace Workshops.Tests.Shared;

public static class LoopbackPort
{
    /// <summary>A port nobody listens on right now, for a server this test starts on 127.0.0.1.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
