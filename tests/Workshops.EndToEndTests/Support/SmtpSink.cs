using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MimeKit;
using Workshops.Tests.Shared;

namespace Workshops.EndToEndTests.Support;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd) on loopback that files every message it accepts into a
/// maildir, so the site's MailKit transport talks SMTP exactly as it would to the community's mail relay.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
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

    /// <summary>Waits for a message to <paramref name="to"/> whose subject contains the text.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null)
    {
        // Long enough for the outbox's minute sweep to deliver a message whose immediate job was missed.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var inbox = Path.Combine(_maildir, "new");
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(inbox))
            {
                foreach (var file in Directory.GetFiles(inbox))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to) && (message.Subject ?? "").Contains(subjectContains)) return message;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The SMTP server received no email to {to} about '{subjectContains}'.");
    }

    /// <summary>The first absolute link in the text part whose path starts with <paramref name="path"/>.</summary>
    public static string LinkTo(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", @"https?://\S+" + Regex.Escape(path) + @"\S*");
        Assert.True(match.Success, $"No link to {path} in: {message.TextBody}");
        return match.Value;
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
