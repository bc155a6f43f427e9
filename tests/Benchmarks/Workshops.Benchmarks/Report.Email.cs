using System.Runtime.InteropServices;
using System.Text;

namespace Workshops.Benchmarks;

public static partial class Report
{
    public const string EmailHeading = "## Announcements: a campaign of 10,000 emails";

    public static void WriteEmail(StringBuilder s, IReadOnlyList<EmailResult> results)
    {
        s.AppendLine(EmailHeading);
        s.AppendLine();
        s.AppendLine($"Measured on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}). " +
                     "An announcement to 10,000 subscribed members, started by the site's own sweep, goes through the outbox and its Hangfire jobs to a " +
                     "local SMTP server (Debian's aiosmtpd, which logs each message it accepts and keeps none). The baseline is a plain MailKit loop " +
                     "sending the same 10,000 messages (rebuilt from the site's outbox rows: the same headers and both parts) over one connection to the " +
                     "same server, twice right after the campaign; their mean is the baseline. Every rate is read off the server's log: messages " +
                     "accepted between the first and the last, per second. The site sends with its default two background workers " +
                     "(Jobs:WorkerCount), each over one connection, marking sent emails in groups of 10; everything (site, SMTP server, " +
                     "client and PostgreSQL) shares the same two cores.");
        s.AppendLine();
        s.AppendLine("| database | sending, emails per second | plain MailKit loop | ratio | target | met | from start to last email | queued in | sent twice | missing |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var ratio = r.Campaign.SendingPerSecond / r.Baseline;
            s.AppendLine($"| {r.Provider} | {r.Campaign.SendingPerSecond:0} | {r.Baseline:0} ({string.Join(", ", r.LoopPerSecond.Select(l => l.ToString("0")))}) | {ratio:P0} | at least 50% | {Yes(ratio >= 0.5)} | " +
                         $"{r.Campaign.EndToEndPerSecond:0} per second ({r.Campaign.Recipients / r.Campaign.EndToEndPerSecond:0.0} s) | {r.Campaign.QueueSeconds:0.0} s | {r.Campaign.Duplicates} | {r.Campaign.Missing} |");
        }
        s.AppendLine();
        s.AppendLine("\"From start to last email\" counts from the moment the campaign starts (its 10,000 emails are rendered and written to the outbox " +
                     "in one transaction) to the last email the server accepted; \"queued in\" is the time to the first.");
        s.AppendLine();
        s.AppendLine("The rate limit: the site restarted with `Email:MessagesPerMinute` set, sending an announcement to pasted addresses.");
        s.AppendLine();
        s.AppendLine("| database | set, per minute | emails | measured, per minute | off by | target | met |");
        s.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var off = Math.Abs(r.Pacing.MeasuredPerMinute - r.Pacing.PerMinute) / r.Pacing.PerMinute;
            s.AppendLine($"| {r.Provider} | {r.Pacing.PerMinute} | {r.Pacing.Messages} | {r.Pacing.MeasuredPerMinute:0.0} | {off:P1} | within 5% | {Yes(off <= 0.05)} |");
        }
        s.AppendLine();
    }

    /// <summary>Puts a section measured on its own into RESULTS.md in place of its last figures, leaving the other sections as they were measured.</summary>
    public static string ReplaceSection(string existing, string heading, string section)
    {
        var start = existing.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0) return existing.TrimEnd() + Environment.NewLine + Environment.NewLine + section;
        var next = existing.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return existing[..start] + section + (next < 0 ? "" : existing[(next + 1)..]);
    }
}
