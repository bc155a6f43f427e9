using System.Diagnostics;
using Npgsql;
using Workshops.Core.Data;

namespace Workshops.Benchmarks;

/// <summary>Registrations and the signed-in page are from the round with the median ratio of the two.</summary>
public sealed record RushResult(string Provider, double RegistrationsPerSecond, double PageRequestsPerSecond, double SignedInPageRequestsPerSecond,
    double RegistrationCpuMs, double PageCpuMs, int Rounds, int Clients, int Bursts, int Attempts, int Seats, int Overbooked, int Underfilled, int ServerErrors, int CounterMismatches,
    int UnsentEmails);

/// <summary>
/// Registration opening as the issue pictures it, against the published site on one database: signed-in participants
/// registering as fast as 32 clients can (against the workshop page's requests per second in the same run), then
/// bursts of hundreds of simultaneous first-come registrations for a few seats, counting any seat given twice.
/// </summary>
public static class RegistrationRush
{
    // Each participant registers once per workshop: enough open workshops that no client runs out before the time does.
    private const int OpenWorkshops = 400;

    private const int Rounds = 5;

    public static async Task<RushResult> RunAsync(string siteDll, string provider, string? postgresServer, int seconds,
        int bursts = 20, int attempts = 500, int seats = 50, int clients = 32)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-rush-" + Guid.NewGuid().ToString("N")[..8]);
        var (database, env, dropDatabase) = await BenchDatabase.CreateAsync(provider, postgresServer, data);
        var mail = MailInMemory(data);
        try
        {
            await using var site = await SiteProcess.StartAsync(siteDll, env);
            var bench = new BenchData(database, Path.Combine(data, ""));
            Console.WriteLine($"  {provider}: seeding {attempts} participants and {bursts + OpenWorkshops} workshops...");
            var emails = await bench.ParticipantsAsync(attempts);
            var open = new List<(string Slug, Guid WorkshopId, Guid TrackId)>();
            for (var i = 0; i < OpenWorkshops; i++) open.Add(await bench.WorkshopAsync($"rush-open-{i:D3}", 10_000));
            var rushes = new List<(string Slug, Guid WorkshopId, Guid TrackId)>();
            for (var i = 0; i < bursts; i++) rushes.Add(await bench.WorkshopAsync($"rush-burst-{i:D2}", seats));

            Console.WriteLine($"  {provider}: signing {attempts} participants in...");
            var participants = new Participant[attempts];
            using (var gate = new SemaphoreSlim(4))
                await Task.WhenAll(emails.Select(async (email, i) =>
                {
                    await gate.WaitAsync();
                    try { participants[i] = await Participant.SignInAsync(site.BaseUrl, email, $"/workshops/{open[0].Slug}/register"); }
                    finally { gate.Release(); }
                }));

            // Registering runs 20 s first, so that it is not measured while still being compiled; the page is warmed up too.
            // Then short rounds alternate registrations and the signed-in page, and the median round counts: noise from
            // the machine (a virtual one shares its host) hits both sides of a round alike instead of one whole side.
            var roundSeconds = Math.Max(3, seconds / 2);
            Console.WriteLine($"  {provider}: warming up, then {Rounds} rounds of {clients} clients registering and of the page, {roundSeconds} s each...");
            var sets = participants.Chunk(clients).ToList();
            var errors = (await RegisterForAsync(sets[0], open, 10)).Errors + (await RegisterForAsync(sets[1], open, 10)).Errors;
            var workshopPage = $"{site.BaseUrl}/workshops/{open[0].Slug}";
            await Wrk.RunAsync(workshopPage, 3, clients, participants[0].CookieHeader);
            var rounds = new List<(double Registrations, double Page, double RegistrationCpuMs, double PageCpuMs)>();
            for (var round = 0; round < Rounds; round++)
            {
                var (cpu0, own0) = (site.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
                var (perSecond, roundErrors) = await RegisterForAsync(sets[2 + round], open, roundSeconds);
                errors += roundErrors;
                var (cpu1, own1) = (site.CpuTime, Process.GetCurrentProcess().TotalProcessorTime);
                // The same page for a signed-in participant is built afresh each time (only visitors get the kept copy).
                var signedIn = await Wrk.RunAsync(workshopPage, roundSeconds, clients, participants[0].CookieHeader);
                var cpu2 = site.CpuTime;
                // The site's processor time per request says where a ratio comes from: work, or waiting.
                var registrationCpu = (cpu1 - cpu0).TotalMilliseconds / (perSecond * roundSeconds);
                var pageCpu = (cpu2 - cpu1).TotalMilliseconds / (signedIn.RequestsPerSecond * roundSeconds);
                rounds.Add((perSecond, signedIn.RequestsPerSecond, registrationCpu, pageCpu));
                if (Environment.GetEnvironmentVariable("RUSH_TRACE") == "1")
                    Console.WriteLine($"    round {round + 1}: {perSecond:0} registrations/s ({registrationCpu:0.00} ms site CPU each, " +
                        $"clients {(own1 - own0).TotalMilliseconds / (perSecond * roundSeconds):0.00} ms), page {signedIn.RequestsPerSecond:0}/s ({pageCpu:0.00} ms each)");
            }
            await Wrk.RunAsync(workshopPage, 3, clients);
            var page = await Wrk.RunAsync(workshopPage, seconds, clients);
            var median = rounds.OrderBy(r => r.Registrations / r.Page).ElementAt(Rounds / 2);

            Console.WriteLine($"  {provider}: {bursts} bursts of {attempts} registrations for {seats} seats...");
            int overbooked = 0, underfilled = 0, mismatches = 0;
            foreach (var w in rushes)
            {
                var statuses = await Task.WhenAll(participants.Select(p => p.RegisterAsync(w.Slug, w.TrackId)));
                errors += statuses.Count(s => s >= 500);
                var (admitted, _, countersAgree) = await bench.CountAsync(w.WorkshopId);
                overbooked += Math.Max(0, admitted - seats);
                underfilled += Math.Max(0, seats - admitted);
                if (!countersAgree) mismatches++;
            }
            var unsent = await bench.UnsentEmailsAsync();
            return new RushResult(provider, median.Registrations, page.RequestsPerSecond, median.Page, median.RegistrationCpuMs, median.PageCpuMs, Rounds, clients, bursts, attempts, seats, overbooked, underfilled, errors, mismatches, unsent);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
            if (mail is not null) try { Directory.Delete(mail, recursive: true); } catch (IOException) { }
            if (dropDatabase is not null) await dropDatabase();
        }
    }

    /// <summary>Each participant registers for one open workshop after another until the time is up.</summary>
    internal static async Task<(double PerSecond, int Errors)> RegisterForAsync(IEnumerable<Participant> participants,
        IReadOnlyList<(string Slug, Guid WorkshopId, Guid TrackId)> open, int seconds)
    {
        var registered = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(participants.Select(async p =>
        {
            foreach (var w in open)
            {
                if (clock.Elapsed.TotalSeconds >= seconds) break;
                var status = await p.RegisterAsync(w.Slug, w.TrackId);
                if (status == 302) Interlocked.Increment(ref registered);
                else if (status >= 500) Interlocked.Increment(ref errors);
            }
        }));
        return (registered / clock.Elapsed.TotalSeconds, errors);
    }

    /// <summary>
    /// The site writes each email as a file in its data folder's mail/ when no SMTP server is set. In production the
    /// emails leave by SMTP and no file is made, so here mail/ points to a folder in memory (tmpfs) where there is one:
    /// tens of thousands of files created on disk, run after run, measure the file system's inode search, not the site.
    /// The database stays on disk.
    /// </summary>
    internal static string? MailInMemory(string data)
    {
        if (!Directory.Exists("/dev/shm")) return null;
        var mail = Path.Combine("/dev/shm", Path.GetFileName(data) + "-mail");
        Directory.CreateDirectory(mail);
        Directory.CreateDirectory(data);
        Directory.CreateSymbolicLink(Path.Combine(data, "mail"), mail);
        return mail;
    }

    internal static async Task ExecuteAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
