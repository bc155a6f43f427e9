using System.Text.RegularExpressions;
using MimeKit;

namespace Workshops.Tests.Shared;

/// <summary>
/// A folder of received messages, one file each: the .eml files the file-drop transport writes when no SMTP server
/// is configured, or the new/ folder of the maildir a real SMTP server files into.
/// </summary>
public sealed partial class Mailbox(string directory, Func<Task<string>>? diagnose = null, string pattern = "*.eml")
{
    public async Task<MimeMessage> WaitForAsync(string to, string subjectContains, TimeSpan? timeout = null)
    {
        // Long enough for the minute sweep to deliver a message whose immediate job was not picked up.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, pattern))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address == to) && (message.Subject ?? "").Contains(subjectContains)) return message;
                }
            }
            await Task.Delay(200);
        }
        var state = diagnose is null ? "" : await diagnose();
        throw new TimeoutException($"No email to {to} about '{subjectContains}' arrived. Outbox: {state}");
    }

    public int CountTo(string to) => !Directory.Exists(directory) ? 0 : Directory.GetFiles(directory, pattern)
        .Count(f => MimeMessage.Load(f).To.Mailboxes.Any(m => m.Address == to));

    /// <summary>The first absolute link in the text part that goes to <paramref name="path"/>.</summary>
    public static string Link(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", @"https?://[^\s]+" + Regex.Escape(path) + @"[^\s]*");
        Assert.True(match.Success, $"No link to {path} in: {message.TextBody}");
        return match.Value;
    }

    /// <summary>The same link made relative, for a test client that talks to the host in memory.</summary>
    public static string LinkTo(MimeMessage message, string path) => new Uri(Link(message, path)).PathAndQuery;
}

public static class SmtpSinkMail
{
    extension(SmtpSink sink)
    {
        /// <summary>What the server has received.</summary>
        public Mailbox Inbox => new(sink.MessagesDirectory, pattern: "*");
    }
}
