using System.Diagnostics;
using System.Net;

namespace Workshops.Tests.Shared;

/// <summary>
/// The site started as its own process on a free loopback port, the way it runs in production: for benchmarks, and
/// for tests that must kill it outright.
/// </summary>
public sealed class SiteProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;

    public string BaseUrl { get; }
    public TimeSpan StartUp { get; private set; }

    private SiteProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Runs one of the executable's verbs (migrate, backup, restore, admin create) to its end: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunVerbAsync(string dll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Site__BaseUrl"] = "http://127.0.0.1";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the app and returns once /healthz answers 200; <see cref="StartUp"/> is the time that took.</summary>
    public static async Task<SiteProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production refuses to start without its public address; here that is the loopback one it listens on.
        start.Environment["Site__BaseUrl"] = $"http://127.0.0.1:{port}";
        foreach (var (k, v) in environment) start.Environment[k] = v;

        var started = DateTime.UtcNow;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}");
        // The console log goes to standard output; its failures are what a benchmark needs to see.
        var echo = 0;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not { } line) return;
            if (line.StartsWith("fail:") || line.StartsWith("crit:")) echo = 4; // the line and the start of its exception
            if (echo-- > 0) Console.Error.WriteLine("  app: " + line);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SiteProcess(process, $"http://127.0.0.1:{port}");
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode} before answering /healthz");
            try
            {
                using var response = await Http.GetAsync(server.BaseUrl + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    server.StartUp = DateTime.UtcNow - started;
                    return server;
                }
            }
            catch (HttpRequestException) { }
            await Task.Delay(5);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{dll} did not answer /healthz within 60 s");
    }

    public async Task<string> GetAsync(string path)
    {
        using var response = await Http.GetAsync(BaseUrl + path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>CPU time the site has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Resident memory of the process (VmRSS), in megabytes.</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:"));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return kb / 1024.0;
    }

    /// <summary>Where the resident memory is, from /proc/pid/smaps, in megabytes per kind.</summary>
    public IReadOnlyDictionary<string, double> ResidentBreakdown()
    {
        var appDir = Path.GetDirectoryName(_process.MainModule?.FileName ?? "") ?? "";
        var kinds = new Dictionary<string, double>();
        var kind = "";
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/smaps"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && fields[0].Contains('-') && !fields[0].EndsWith(':'))
            {
                var path = fields.Length > 5 ? fields[5] : "";
                kind = path switch
                {
                    "" or "[heap]" or "[stack]" => "managed heap, native heap and stacks",
                    "/memfd:doublemapper" => "JIT-compiled code and type data",
                    _ when path.Contains("/shared/Microsoft.") || path.StartsWith(appDir) && appDir.Length > 1 => "framework code (.NET and ASP.NET Core)",
                    _ when path.EndsWith(".dll") => "application and library code",
                    _ => "native libraries and other mappings",
                };
            }
            else if (fields.Length > 1 && fields[0] == "Rss:")
            {
                kinds[kind] = kinds.GetValueOrDefault(kind) + long.Parse(fields[1]) / 1024.0;
            }
        }
        return kinds;
    }

    /// <summary>
    /// The site as the build left it beside this assembly's tree: src/Workshops.Web/bin/{configuration}/net10.0, for
    /// tests that run it as a process of its own (the test command builds the whole solution first).
    /// </summary>
    public static string BuiltSite()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Workshops.sln"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException($"No Workshops.sln above {AppContext.BaseDirectory}.");
        var dll = Path.Combine(root.FullName, "src", "Workshops.Web", "bin", configuration, framework, "Workshops.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the solution first: {dll} is missing.", dll);
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Asks the process to stop (SIGTERM), as systemd does, and returns at once.</summary>
    public void Terminate()
    {
        if (!_process.HasExited) Signal(_process.Id, 15);
    }

    public Task WaitForExitAsync(CancellationToken ct = default) => _process.WaitForExitAsync(ct);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int pid, int signal);

    /// <summary>Ends the process at once (SIGKILL): no shutdown, no finally blocks, as a crash or an out-of-memory kill would.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
