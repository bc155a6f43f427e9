using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Workshops.Tests.Shared;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, with the handler in smtp_sink.py) on loopback that files every
/// message it accepts into a maildir, so the site's MailKit transport talks SMTP exactly as it would to the
/// community's mail relay. It can also refuse a share of messages once with 451, like a busy relay.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _maildir;
    private readonly string _log;

    public int Port { get; }

    private SmtpSink(Process process, string maildir, string log, int port)
    {
        _process = process;
        _maildir = maildir;
        _log = log;
        Port = port;
    }

    /// <param name="failEvery">Above 0: every Nth message offered is refused once with 451 and must be sent again.</param>
    /// <param name="keepMessages">False for a benchmark: messages are only logged, not filed.</param>
    public static async Task<SmtpSink> StartAsync(string directory, int failEvery = 0, bool keepMessages = true)
    {
        var maildir = Path.Combine(directory, "maildir");
        var log = Path.Combine(directory, "smtp.log");
        Directory.CreateDirectory(directory);
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "smtp_sink.Sink", keepMessages ? maildir : "-", failEvery.ToString(CultureInfo.InvariantCulture), log },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // smtp_sink.py is copied beside the test assembly.
        start.Environment["PYTHONPATH"] = AppContext.BaseDirectory;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var sink = new SmtpSink(process, maildir, log, port);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}; is python3-aiosmtpd installed? {errors}");
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

    /// <summary>Where the handler files each message it accepts, one file each (see Mailbox for reading them).</summary>
    public string MessagesDirectory => Path.Combine(_maildir, "new");

    /// <summary>Every answer the server gave to a message, in order: when, the reply code (250, 451 or 550) and the Message-Id (the address for a 550).</summary>
    public IReadOnlyList<SmtpAnswer> Answers()
    {
        if (!File.Exists(_log)) return [];
        using var file = new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file);
        var answers = new List<SmtpAnswer>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(' ', 3);
            if (parts.Length < 3) continue; // a line still being written is read next time
            answers.Add(new SmtpAnswer(DateTimeOffset.FromUnixTimeMilliseconds((long)(double.Parse(parts[0], CultureInfo.InvariantCulture) * 1000)),
                int.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]));
        }
        return answers;
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

public sealed record SmtpAnswer(DateTimeOffset At, int Code, string MessageId);
