using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Workshops.Tests.Shared;

/// <summary>
/// Debian's nginx in front of nodes on loopback, configured from the repository's deploy/nginx: the upstream block of
/// workshops.conf with the nodes' ports in its server lines, and workshops-proxy.conf included as it is. Only TLS is
/// left out: the test talks plain HTTP to a loopback port.
/// </summary>
public sealed partial class Nginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _prefix;

    public string BaseUrl { get; }

    private Nginx(Process process, string prefix, string baseUrl)
    {
        _process = process;
        _prefix = prefix;
        BaseUrl = baseUrl;
    }

    public static async Task<Nginx> StartAsync(int port, IEnumerable<int> nodePorts)
    {
        var deploy = Path.Combine(Repository(), "deploy", "nginx");
        var site = await File.ReadAllTextAsync(Path.Combine(deploy, "workshops.conf"));
        var upstream = UpstreamBlock().Match(site);
        if (!upstream.Success) throw new InvalidOperationException("deploy/nginx/workshops.conf has no upstream workshops { ... } block.");
        var servers = ServerLine().Matches(upstream.Value);
        if (servers.Count == 0) throw new InvalidOperationException("The upstream block of deploy/nginx/workshops.conf names no server.");
        // Each node in the deploy file's own words: its first server line, with this node's port.
        var template = servers[0].Value;
        var lines = string.Join("\n", nodePorts.Select(p => PortOf().Replace(template, "127.0.0.1:" + p)));
        var block = upstream.Value[..servers[0].Index] + lines + upstream.Value[(servers[^1].Index + servers[^1].Length)..];

        var prefix = Path.Combine(Path.GetTempPath(), "workshops-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(prefix);
        // Workers run as nobody when nginx starts as root: their temporary folders must be theirs to write.
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(prefix, (UnixFileMode)0x1FF);
        var conf = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(conf, $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                {{block}}
                server {
                    listen 127.0.0.1:{{port}};
                    server_name _;
                    include {{Path.Combine(deploy, "workshops-proxy.conf")}};
                }
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", prefix, "-c", conf }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start nginx; is Debian's nginx installed?");
        var nginx = new Nginx(process, prefix, $"http://127.0.0.1:{port}");
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()} {nginx.ErrorLog()}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException) { await Task.Delay(25); }
        }
        await nginx.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 5 s: " + nginx.ErrorLog());
    }

    /// <summary>What nginx logged (warnings and errors): which node failed, and what it retried elsewhere.</summary>
    public string ErrorLog()
    {
        var log = Path.Combine(_prefix, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    private static string Repository()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        while (here is not null && !File.Exists(Path.Combine(here.FullName, "Workshops.sln"))) here = here.Parent;
        return here?.FullName ?? throw new InvalidOperationException($"No Workshops.sln above {AppContext.BaseDirectory}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_prefix, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [GeneratedRegex(@"upstream\s+workshops\s*\{[^}]*\}")]
    private static partial Regex UpstreamBlock();

    [GeneratedRegex(@"^[ \t]*server\s+[^;]+;[^\n]*$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex PortOf();
}
