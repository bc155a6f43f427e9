using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Workshops.Benchmarks;

public sealed record WrkResult(double RequestsPerSecond, string Latency, long Errors);

/// <summary>Runs wrk against a URL and reads its summary.</summary>
public static partial class Wrk
{
    public static Task<WrkResult> RunAsync(string url, int seconds, int connections, string? cookie = null) =>
        RunWithHeaderAsync(url, seconds, connections, cookie is null ? null : "Cookie: " + cookie);

    public static Task<WrkResult> RunWithHeaderAsync(string url, int seconds, int connections, string? header) =>
        RunWithHeadersAsync(url, seconds, connections, header is null ? [] : [header]);

    /// <summary>Each header as "Name: value", sent with every request.</summary>
    public static async Task<WrkResult> RunWithHeadersAsync(string url, int seconds, int connections, IEnumerable<string> headers)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", url }) start.ArgumentList.Add(a);
        foreach (var header in headers)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add(header);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start wrk; install the wrk package.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var rps = RequestsPerSecond().Match(output);
        if (!rps.Success) throw new InvalidOperationException("wrk printed no Requests/sec:\n" + output + await process.StandardError.ReadToEndAsync());
        var latency = Median().Match(output);
        var errors = Non2xx().Match(output);
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? latency.Groups[1].Value : "?",
            errors.Success ? long.Parse(errors.Groups[1].Value) : 0);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"\s50%\s+(\S+)")]
    private static partial Regex Median();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
