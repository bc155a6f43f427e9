using System.Diagnostics;
using System.Net.Sockets;
using Workshops.Tests.Shared;

namespace Workshops.Benchmarks;

/// <summary>
/// nginx serving one folder as static files, the way a site's files are usually served (sendfile on): the baseline
/// for downloads. Runs in the foreground with its own prefix, so it touches nothing of a system nginx.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    public string BaseUrl { get; }

    private Nginx(Process process, string baseUrl) => (_process, BaseUrl) = (process, baseUrl);

    public static async Task<Nginx> StartAsync(string root, string workDirectory)
    {
        Directory.CreateDirectory(workDirectory);
        var port = LoopbackPort.Free();
        var config = Path.Combine(workDirectory, "nginx.conf");
        var temp = Path.Combine(workDirectory, "temp");
        Directory.CreateDirectory(temp);
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            worker_processes auto;
            pid {{workDirectory}}/nginx.pid;
            error_log {{workDirectory}}/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              sendfile on;
              tcp_nopush on;
              default_type application/octet-stream;
              client_body_temp_path {{temp}}/body;
              proxy_temp_path {{temp}}/proxy;
              fastcgi_temp_path {{temp}}/fastcgi;
              uwsgi_temp_path {{temp}}/uwsgi;
              scgi_temp_path {{temp}}/scgi;
              server {
                listen 127.0.0.1:{{port}};
                root {{root}};
              }
            }
            """);
        var start = new ProcessStartInfo("nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", workDirectory, "-c", config, "-e", Path.Combine(workDirectory, "error.log") }) start.ArgumentList.Add(a);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start nginx; install the nginx package.");
        var nginx = new Nginx(process, $"http://127.0.0.1:{port}");
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("nginx exited: " + await process.StandardError.ReadToEndAsync());
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return nginx;
            }
            catch (SocketException) { await Task.Delay(25); }
        }
        await nginx.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 5 s");
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
