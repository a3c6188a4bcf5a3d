using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Redirector.EndToEnd.Observability;

/// <summary>Reads the daemon's /metrics over loopback and picks values out of the text
/// exposition format.</summary>
static class Scrape
{
    static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>A loopback port nothing listens on right now (the OS picks it).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public static async Task<string> TextAsync(int port)
    {
        try
        {
            return await Client.GetStringAsync($"http://127.0.0.1:{port}/metrics");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return "";
        }
    }

    /// <summary>The value of one series, written exactly as exposed
    /// (<c>name{label="v",...}</c>), or null when it is absent.</summary>
    public static double? Value(string text, string series) =>
        text.Split('\n')
            .Where(line => line.StartsWith(series + " ", StringComparison.Ordinal))
            .Select(line => (double?)double.Parse(line[(series.Length + 1)..],
                CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
