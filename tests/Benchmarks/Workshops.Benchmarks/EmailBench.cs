using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;

namespace Workshops.Benchmarks;

public sealed record CampaignRun(int Recipients, double SendingPerSecond, double EndToEndPerSecond, double QueueSeconds, int Duplicates, int Missing);
public sealed record PacingRun(int PerMinute, int Messages, double MeasuredPerMinute);
public sealed record EmailResult(string Provider, CampaignRun Campaign, IReadOnlyList<double> LoopPerSecond, PacingRun Pacing)
{
    public double Baseline => LoopPerSecond.Average();
}

/// <summary>
/// A campaign of 10,000 recipients through the site to a local SMTP server (aiosmtpd), against a plain MailKit loop
/// sending the same messages on one connection to the same server, before and after; then the rate limit's accuracy.
/// Every rate is read off the SMTP server's own log, the same way for both.
/// </summary>
public static class EmailBench
{
    public static async Task<EmailResult> RunAsync(string siteDll, string provider, string? postgresServer, int recipients = 10_000,
        int perMinute = 1200, int pacedMessages = 600)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-email-" + Guid.NewGuid().ToString("N")[..8]);
        var site = Path.Combine(data, "site");
        var (database, env, dropDatabase) = await BenchDatabase.CreateAsync(provider, postgresServer, site);
        try
        {
            await using var smtp = await SmtpSink.StartAsync(Path.Combine(data, "smtp"), keepMessages: false);
            env["Email__Host"] = "127.0.0.1";
            env["Email__Port"] = smtp.Port.ToString();
            env["Email__Security"] = "None";
            env["Jobs__SendReminders"] = "false";
            await using (await SiteProcess.StartAsync(siteDll, env)) { } // migrations
            var bench = new BenchData(database, site);
            var author = (await bench.ParticipantsAsync(recipients, subscribed: true))[0];

            // Started by the site's first sweep as it comes up, the way a campaign that fell due during a restart goes out.
            Console.WriteLine($"  {provider}: a campaign to {recipients:N0} subscribers...");
            var campaign = await bench.AnnouncementAsync(author, new Audience(true, [], [], false, false, null));
            var before = smtp.Answers().Count;
            CampaignRun run;
            await using (await SiteProcess.StartAsync(siteDll, env))
            {
                await WaitForAsync(smtp, before, recipients, TimeSpan.FromMinutes(10));
                await Task.Delay(TimeSpan.FromSeconds(2)); // anything sent twice would arrive now
                var answers = smtp.Answers().Skip(before).Where(a => a.Code == 250).ToList();
                var startedAt = await bench.StartedAtAsync(campaign);
                var distinct = answers.Select(a => a.MessageId).Distinct().Count();
                run = new CampaignRun(recipients, PerSecond(answers), recipients / (answers[^1].At - startedAt).TotalSeconds,
                    (answers[0].At - startedAt).TotalSeconds, answers.Count - distinct, recipients - distinct);
            }

            // The baseline sends the very messages the site sent (rebuilt from its outbox rows), through one connection.
            var messages = (await bench.SentEmailsAsync(campaign)).Select((m, i) => ToMime(m, i)).ToList();
            var loops = new List<double>();
            for (var round = 0; round < 2; round++)
            {
                Console.WriteLine($"  {provider}: plain MailKit loop, round {round + 1}...");
                loops.Add(await LoopAsync(smtp, messages));
            }

            Console.WriteLine($"  {provider}: {pacedMessages} emails at Email:MessagesPerMinute={perMinute}...");
            var paced = await bench.AnnouncementAsync(author,
                new Audience(false, [], [], false, false, string.Join("\n", Enumerable.Range(0, pacedMessages).Select(i => $"paced{i:D4}@bench.example.org"))));
            before = smtp.Answers().Count;
            env["Email__MessagesPerMinute"] = perMinute.ToString();
            PacingRun pacing;
            await using (await SiteProcess.StartAsync(siteDll, env))
            {
                await WaitForAsync(smtp, before, pacedMessages, TimeSpan.FromMinutes(5));
                var answers = smtp.Answers().Skip(before).Where(a => a.Code == 250).ToList();
                pacing = new PacingRun(perMinute, answers.Count, PerSecond(answers) * 60);
            }
            return new EmailResult(provider, run, loops, pacing);
        }
        finally
        {
            if (dropDatabase is not null) await dropDatabase();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Messages per second between the first and the last the server accepted.</summary>
    private static double PerSecond(List<SmtpAnswer> accepted) => (accepted.Count - 1) / (accepted[^1].At - accepted[0].At).TotalSeconds;

    private static async Task<double> LoopAsync(SmtpSink smtp, List<MimeMessage> messages)
    {
        var before = smtp.Answers().Count;
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
        foreach (var message in messages) await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
        await WaitForAsync(smtp, before, messages.Count, TimeSpan.FromMinutes(1));
        return PerSecond(smtp.Answers().Skip(before).Where(a => a.Code == 250).ToList());
    }

    private static async Task WaitForAsync(SmtpSink smtp, int before, int count, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (smtp.Answers().Skip(before).Count(a => a.Code == 250) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The SMTP server did not receive {count} emails within {limit}.");
            await Task.Delay(500);
        }
    }

    /// <summary>The message as the site builds it from its outbox row: the same headers and both parts, under a new Message-Id.</summary>
    private static MimeMessage ToMime(OutboxMessage m, int i)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Workshops", "workshops@localhost.localdomain"));
        message.To.Add(new MailboxAddress(m.ToName ?? "", m.To));
        message.Subject = m.Subject;
        message.MessageId = $"loop-{i}-{Guid.NewGuid():N}@localhost.localdomain";
        message.Date = DateTimeOffset.UtcNow;
        message.Headers.Add("List-Unsubscribe", $"<{m.UnsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Precedence", "bulk");
        message.Body = new BodyBuilder { HtmlBody = m.HtmlBody, TextBody = m.TextBody }.ToMessageBody();
        return message;
    }
}
