using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Workshops.Tests.Shared;

namespace Workshops.EndToEndTests.Support;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) on loopback that files every message it accepts into a
/// maildir, so the site's MailKit transport talks SMTP exactly as it would to the community's mail relay.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;

    public int Port { get; }

    private SmtpSink(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    public static async Task<SmtpSink> StartAsync(string directory)
    {
        var maildir = Path.Combine(directory, "maildir");
        Directory.CreateDirectory(directory);
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sink = new SmtpSink(process, maildir, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}; is python3-aiosmtpd installed?");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        await sink.DisposeAsync();
        throw new TimeoutException("aiosmtpd did not listen within 20 s.");
    }

    /// <summary>What the server has received; aiosmtpd's Mailbox handler files each message under new/.</summary>
    public Mailbox Inbox => new(Path.Combine(_maildir, "new"), pattern: "*");

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
