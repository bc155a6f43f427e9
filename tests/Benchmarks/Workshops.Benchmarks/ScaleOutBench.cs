using System.Text;
using Npgsql;

namespace Workshops.Benchmarks;

public sealed record ScaleOutResult(double DirectPage, double OneNodePage, double TwoNodesPage, double OneNodeRegistrations, double TwoNodesRegistrations,
    int Errors, int Overbooked, int UnsentEmails, int Clients, int Seconds);

/// <summary>
/// The site as one node and as two nodes behind nginx (configured from deploy/nginx), on one PostgreSQL database, all
/// on the same machine: the registration rush (signed-in participants registering through the real form) and the
/// visitors' workshop page, through nginx in both cases, and the page straight from the node for nginx's own cost.
/// Two nodes on the same two cores cannot be faster; what this shows is that nothing breaks and what the second node
/// and the proxy cost.
/// </summary>
public static class ScaleOutBench
{
    public const string Heading = "## Several nodes behind nginx";

    private const int Clients = 32;
    private const int OpenWorkshops = 200;

    public static async Task<ScaleOutResult> RunAsync(string siteDll, string postgresServer, int seconds)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-scale-" + Guid.NewGuid().ToString("N")[..8]);
        var (database, env, drop) = await BenchDatabase.CreateAsync("Postgres", postgresServer, data);
        var mail = RegistrationRush.MailInMemory(data);
        var proxyPorts = (One: LoopbackPort.Free(), Two: LoopbackPort.Free());
        try
        {
            await using var first = await SiteProcess.StartAsync(siteDll, env);
            var bench = new BenchData(database, data);
            Console.WriteLine("  scale-out: seeding participants and workshops...");
            var emails = await bench.ParticipantsAsync(Clients * 2);
            var open = new List<(string Slug, Guid WorkshopId, Guid TrackId)>();
            for (var i = 0; i < OpenWorkshops; i++) open.Add(await bench.WorkshopAsync($"scale-{i:D3}", 10_000));
            var page = $"/workshops/{open[0].Slug}";

            await using var oneProxy = await Workshops.Tests.Shared.Nginx.StartAsync(proxyPorts.One, [Port(first)]);
            var alone = await SignInAsync(oneProxy.BaseUrl, emails.Take(Clients), open[0].Slug);
            Console.WriteLine("  scale-out: one node...");
            var (oneRegistrations, errorsOne) = await RegisterAsync(alone, open, seconds);
            await Wrk.RunAsync(first.BaseUrl + page, 3, Clients);
            var direct = await Wrk.RunAsync(first.BaseUrl + page, seconds, Clients);
            var onePage = await Wrk.RunAsync(oneProxy.BaseUrl + page, seconds, Clients);

            await using var second = await SiteProcess.StartAsync(siteDll, env);
            await using var twoProxy = await Workshops.Tests.Shared.Nginx.StartAsync(proxyPorts.Two, [Port(first), Port(second)]);
            var together = await SignInAsync(twoProxy.BaseUrl, emails.Skip(Clients), open[0].Slug);
            Console.WriteLine("  scale-out: two nodes...");
            var (twoRegistrations, errorsTwo) = await RegisterAsync(together, open, seconds);
            await Wrk.RunAsync(twoProxy.BaseUrl + page, 3, Clients);
            var twoPage = await Wrk.RunAsync(twoProxy.BaseUrl + page, seconds, Clients);

            var overbooked = 0;
            foreach (var w in open)
            {
                var (admitted, _, agree) = await bench.CountAsync(w.WorkshopId);
                if (!agree || admitted > 10_000) overbooked++;
            }
            // Receipts are sent by both nodes' workers; give the last ones a moment to leave.
            var unsent = await bench.UnsentEmailsAsync();
            for (var wait = 0; wait < 60 && unsent > 0; wait++)
            {
                await Task.Delay(1000);
                unsent = await bench.UnsentEmailsAsync();
            }
            return new ScaleOutResult(direct.RequestsPerSecond, onePage.RequestsPerSecond, twoPage.RequestsPerSecond, oneRegistrations, twoRegistrations,
                errorsOne + errorsTwo + (int)(direct.Errors + onePage.Errors + twoPage.Errors), overbooked, unsent, Clients, seconds);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
            if (mail is not null) try { Directory.Delete(mail, recursive: true); } catch (IOException) { }
            NpgsqlConnection.ClearAllPools();
            if (drop is not null) await drop();
        }
    }

    private static async Task<List<Participant>> SignInAsync(string baseUrl, IEnumerable<string> emails, string slug)
    {
        var signedIn = new List<Participant>();
        foreach (var email in emails) signedIn.Add(await Participant.SignInAsync(baseUrl, email, $"/workshops/{slug}/register"));
        return signedIn;
    }

    /// <summary>A 5 s warm-up on the first workshops, then each client registers for one open workshop after another for the time given.</summary>
    private static async Task<(double PerSecond, int Errors)> RegisterAsync(List<Participant> participants, List<(string Slug, Guid WorkshopId, Guid TrackId)> open, int seconds)
    {
        var (_, warmErrors) = await RegistrationRush.RegisterForAsync(participants, open.Take(OpenWorkshops / 4).ToList(), 5);
        var (perSecond, errors) = await RegistrationRush.RegisterForAsync(participants, open.Skip(OpenWorkshops / 4).ToList(), seconds);
        return (perSecond, warmErrors + errors);
    }

    private static int Port(SiteProcess node) => new Uri(node.BaseUrl).Port;

    public static string Section(ScaleOutResult r, string machine)
    {
        var s = new StringBuilder();
        s.AppendLine(Heading).AppendLine();
        s.AppendLine($"Measured on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC ({machine}). The published site on PostgreSQL, as one node and as two nodes of the same build on one " +
            $"database and one data folder, behind Debian's nginx configured from `deploy/nginx` (the upstream of `workshops.conf`, `workshops-proxy.conf` as it is), " +
            $"everything on the same two cores: nodes, nginx, PostgreSQL and the clients. {r.Clients} signed-in participants register through the real form (first come; " +
            $"5 s of warm-up, then {r.Seconds} s measured), each at one open workshop after another; the workshop page is the visitors' kept copy, read with wrk " +
            $"(2 threads, {r.Clients} connections, {r.Seconds} s). Two nodes on the same cores cannot do more than one: the figures show what the proxy and a second " +
            "node cost, and that nothing breaks.").AppendLine();
        s.AppendLine("| measure | one node, straight | one node behind nginx | two nodes behind nginx | two nodes to one |");
        s.AppendLine("|---|---|---|---|---|");
        s.AppendLine($"| registrations per second | | {r.OneNodeRegistrations:0} | {r.TwoNodesRegistrations:0} | {r.TwoNodesRegistrations / r.OneNodeRegistrations:P0} |");
        s.AppendLine($"| workshop page, visitors (kept copy), requests per second | {r.DirectPage:0} | {r.OneNodePage:0} ({r.OneNodePage / r.DirectPage:P0} of straight) | " +
            $"{r.TwoNodesPage:0} | {r.TwoNodesPage / r.OneNodePage:P0} |");
        s.AppendLine().AppendLine($"Server errors: {r.Errors}; seat counters off: {r.Overbooked}; receipts not sent a minute after the last registration: {r.UnsentEmails}.");
        s.AppendLine();
        return s.ToString();
    }
}
