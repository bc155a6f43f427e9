using System.Diagnostics;
using Npgsql;
using Workshops.Core.Data;

namespace Workshops.Benchmarks;

public sealed record RushResult(string Provider, double RegistrationsPerSecond, double PageRequestsPerSecond, double SignedInPageRequestsPerSecond,
    int Clients, int Bursts, int Attempts, int Seats, int Overbooked, int Underfilled, int ServerErrors, int CounterMismatches);

/// <summary>
/// Registration opening as the issue pictures it, against the published site on one database: signed-in participants
/// registering as fast as 32 clients can (against the workshop page's requests per second in the same run), then
/// bursts of hundreds of simultaneous first-come registrations for a few seats, counting any seat given twice.
/// </summary>
public static class RegistrationRush
{
    // Each participant registers once per workshop: enough open workshops that no client runs out before the time does.
    private const int OpenWorkshops = 400;

    public static async Task<RushResult> RunAsync(string siteDll, string provider, string? postgresServer, int seconds,
        int bursts = 20, int attempts = 500, int seats = 50, int clients = 32)
    {
        var data = Path.Combine(Path.GetTempPath(), "workshops-rush-" + Guid.NewGuid().ToString("N")[..8]);
        var database = new DatabaseOptions { Provider = provider == "Postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite };
        string? pgName = null;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            pgName = "ws_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync(postgresServer!, $"CREATE DATABASE \"{pgName}\"");
            database.ConnectionString = new NpgsqlConnectionStringBuilder(postgresServer) { Database = pgName }.ToString();
        }
        var env = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = data,
            ["Database__Provider"] = database.Provider.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (database.ConnectionString is { } cs) env["Database__ConnectionString"] = cs;
        try
        {
            await using var site = await Server.StartAsync(siteDll, env);
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

            // Both paths run a few seconds first, so that neither is measured while still being compiled.
            Console.WriteLine($"  {provider}: warming up, then {clients} clients registering for {seconds} s...");
            var (_, warmupErrors) = await RegisterForAsync(participants.Skip(clients).Take(clients), open, Math.Max(seconds, 10));
            var (perSecond, errors) = await RegisterForAsync(participants.Take(clients), open, seconds);
            errors += warmupErrors;
            var workshopPage = $"{site.BaseUrl}/workshops/{open[0].Slug}";
            await Wrk.RunAsync(workshopPage, 3, clients);
            var page = await Wrk.RunAsync(workshopPage, seconds, clients);
            // The same page for a signed-in participant is built afresh each time (only visitors get the kept copy).
            await Wrk.RunAsync(workshopPage, 3, clients, participants[0].CookieHeader);
            var signedIn = await Wrk.RunAsync(workshopPage, seconds, clients, participants[0].CookieHeader);

            Console.WriteLine($"  {provider}: {bursts} bursts of {attempts} registrations for {seats} seats...");
            int overbooked = 0, underfilled = 0, mismatches = 0;
            foreach (var w in rushes)
            {
                var statuses = await Task.WhenAll(participants.Select(p => p.RegisterAsync(w.Slug, w.TrackId)));
                errors += statuses.Count(s => s >= 500);
                var (admitted, _, counted) = await bench.CountAsync(w.WorkshopId);
                overbooked += Math.Max(0, admitted - seats);
                underfilled += Math.Max(0, seats - admitted);
                if (counted != admitted) mismatches++;
            }
            return new RushResult(provider, perSecond, page.RequestsPerSecond, signedIn.RequestsPerSecond, clients, bursts, attempts, seats, overbooked, underfilled, errors, mismatches);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
            if (pgName is not null) await ExecuteAsync(postgresServer!, $"DROP DATABASE IF EXISTS \"{pgName}\" WITH (FORCE)");
        }
    }

    /// <summary>Each participant registers for one open workshop after another until the time is up.</summary>
    private static async Task<(double PerSecond, int Errors)> RegisterForAsync(IEnumerable<Participant> participants,
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

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        await command.ExecuteNonQueryAsync();
    }
}
