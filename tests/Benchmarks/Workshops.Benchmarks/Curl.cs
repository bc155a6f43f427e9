using System.Diagnostics;
using System.Globalization;

namespace Workshops.Benchmarks;

public sealed record Download(int Status, long Bytes, double BytesPerSecond);

/// <summary>Downloads with curl into /dev/null: the same client, with the same cost, for the site and for nginx.</summary>
public static class Curl
{
    /// <param name="limitRate">curl's --limit-rate, for a slow client (e.g. "10M"); none for as fast as it goes.</param>
    /// <param name="maxSeconds">Stops the download after this long; what arrived by then still counts.</param>
    public static async Task<Download> GetAsync(string url, string? limitRate = null, int? maxSeconds = null)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-s", "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{speed_download}" }) start.ArgumentList.Add(a);
        if (limitRate is not null) { start.ArgumentList.Add("--limit-rate"); start.ArgumentList.Add(limitRate); }
        if (maxSeconds is not null) { start.ArgumentList.Add("--max-time"); start.ArgumentList.Add(maxSeconds.Value.ToString(CultureInfo.InvariantCulture)); }
        start.ArgumentList.Add(url);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start curl; install the curl package.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // 28 is curl's "stopped at --max-time", which is what a timed download asks for.
        if (process.ExitCode is not (0 or 28)) throw new InvalidOperationException($"curl {url} exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        var parts = output.Trim().Split(' ');
        return new Download(int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
