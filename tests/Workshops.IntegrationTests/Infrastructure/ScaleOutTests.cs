using System.Net;
using Hangfire;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>
/// The site as it grows past one machine: two nodes (the built site, each its own process) on one PostgreSQL database
/// and one file folder, behind nginx configured from deploy/nginx, sending to a real SMTP server. Through nginx: a form
/// from one node posts to the other, an organiser's change reaches visitors on both at once, a campaign goes once at
/// the site's rate, recurring jobs run once; then a node is killed outright during a registration rush.
/// </summary>
[Trait("Category", "Processes")]
public sealed class ScaleOutTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rate = 600; // emails a minute for the whole site: one every 100 ms
    private const int ClaimTimeout = 10;
    private readonly DataDesk _data = new();
    private SmtpSink? _smtp;
    private SiteProcess? _first, _second;
    private Nginx? _nginx;
    private DateTimeOffset _bothUp;

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsPostgres) return;
        await _data.InitializeAsync();
        _smtp = await SmtpSink.StartAsync(Path.Combine(_data.DataDirectory, "smtp"));
        var proxyPort = LoopbackPort.Free();
        Dictionary<string, string> Node(int workers) => new()
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = _data.Database.ConnectionString,
            ["Storage__DataDirectory"] = _data.DataDirectory,
            ["Site__BaseUrl"] = $"http://127.0.0.1:{proxyPort}",
            ["Site__Name"] = "Scale-out Workshops",
            ["Email__Host"] = "127.0.0.1",
            ["Email__Port"] = _smtp.Port.ToString(),
            ["Email__Security"] = "None",
            ["Email__MessagesPerMinute"] = Rate.ToString(),
            ["Email__ClaimTimeoutSeconds"] = ClaimTimeout.ToString(),
            ["Email__BatchSize"] = "5",
            ["Jobs__PollIntervalSeconds"] = "1",
            ["Jobs__WorkerCount"] = workers.ToString(),
            ["Jobs__SendReminders"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            // Every client here comes from 127.0.0.1; the limits themselves are RateLimitTests' subject.
            ["RateLimits__Enabled"] = "false",
        };
        // The first node has one job worker and the second two, so the second holds claimed emails when it dies.
        var starting = new[] { SiteProcess.StartAsync(SiteProcess.BuiltSite(), Node(1)), SiteProcess.StartAsync(SiteProcess.BuiltSite(), Node(2)) };
        (_first, _second) = (await starting[0], await starting[1]);
        _nginx = await Nginx.StartAsync(proxyPort, [Port(_first), Port(_second)]);
        _bothUp = DateTimeOffset.UtcNow;
    }

    public async Task DisposeAsync()
    {
        if (_nginx is not null) await _nginx.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
        if (_second is not null) await _second.DisposeAsync();
        if (_smtp is not null) await _smtp.DisposeAsync();
        if (TestDatabase.IsPostgres) await _data.DisposeAsync();
    }

    [PostgresFact]
    public async Task Two_nodes_behind_nginx_act_as_one_site_and_one_survives_the_others_death()
    {
        var organiser = await _data.CreateUserAsync(Roles.Organiser);
        var workshop = await _data.AddWorkshopAsync("scale-out");
        var setup = await _data.AddRegistrationAsync(workshop, RegistrationMode.FirstCome);

        // A form loaded from one node posts to the other: both know the keys that sign its token and the session.
        var cookies = new CookieContainer();
        var onFirst = Client(_first!, cookies);
        var onSecond = Client(_second!, cookies);
        var signIn = (await BrowserForm.LoadAsync(onFirst, "/account/signin"))
            .With("Input.Email", organiser.Email!).With("Input.Password", AppFactory.Password);
        using (var signedIn = await signIn.PostAsync(onSecond))
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Sign out", await onFirst.GetStringAsync("/account"));

        // An organiser's change through nginx reaches visitors on both nodes at once, copies kept or not.
        var visitorFirst = Client(_first!, new CookieContainer());
        var visitorSecond = Client(_second!, new CookieContainer());
        foreach (var visitor in new[] { visitorFirst, visitorSecond })
            Assert.Contains("Real Jardín Botánico", await visitor.GetStringAsync("/workshops/scale-out"));
        var throughProxy = Client(_nginx!.BaseUrl, cookies);
        var edit = $"/organise/workshops/{workshop.Id}/edit";
        using (var saved = await (await BrowserForm.LoadAsync(throughProxy, edit)).With("Input.Venue", "Jardim Botânico de São Paulo").PostAsync(throughProxy))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var visitor in new[] { visitorFirst, visitorSecond })
            Assert.Contains("Jardim Botânico de São Paulo", await EventuallyAsync(visitor, "/workshops/scale-out", "Jardim Botânico de São Paulo"));

        // A campaign to 30 pasted addresses: both nodes send it, once in all, and together at the site's rate.
        var pasted = Enumerable.Range(1, 30).Select(i => $"reader{i:D2}@campaign.example.org").ToList();
        var campaign = await _data.AnnouncementAsync("Two nodes, one campaign", "Hello {first_name}.", null,
            AnnouncementData.To(pasted: string.Join("\n", pasted)), organiser.Id);
        await _data.WithDb(async db =>
        {
            var a = await db.Announcements.FindAsync(campaign.Id);
            a!.SendNow(_nginx.BaseUrl, organiser.Id, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        _data.Services.GetRequiredService<Hangfire.IBackgroundJobClient>()
            .Enqueue<Core.Jobs.StartAnnouncementJob>(j => j.Run(campaign.Id, CancellationToken.None));
        var campaignIds = await WaitForAsync(async () =>
        {
            var ids = await _data.WithDb(db => db.OutboxMessages.Where(m => m.CampaignId == campaign.Id && m.Status == OutboxStatus.Sent).Select(m => m.Id).ToListAsync());
            return ids.Count == pasted.Count ? ids : null;
        }, TimeSpan.FromSeconds(60), "the campaign's 30 emails to be sent");
        var accepted = Accepted(campaignIds);
        Assert.All(campaignIds, id => Assert.Equal(1, accepted.Count(a => a.Id == id)));
        // The pacing is a lower bound, not a timing: two nodes each keeping the rate alone would take half as long.
        var span = accepted.Max(a => a.At) - accepted.Min(a => a.At);
        Assert.True(span >= TimeSpan.FromMinutes(1) / Rate * (pasted.Count - 1) * 0.9,
            $"30 emails left in {span.TotalSeconds:F2} s: faster than {Rate} a minute for the site");

        // Recurring jobs are counted over the first whole minute both nodes shared: wait until its sweeps are made.
        await WaitForAsync(async () => (await RecurringRunsAsync()).Select(r => r.Job).Distinct().Count() >= Sweeps.Length ? true : (bool?)null,
            TimeSpan.FromSeconds(90), "the first whole minute's sweeps");

        // A registration rush of 60 people for 25 seats, first come; the second node dies outright in the middle of it.
        var people = new List<string>();
        for (var i = 0; i < 61; i++) people.Add(await _data.ParticipantTokenAsync(i));
        var path = $"/api/v1/workshops/{workshop.Slug}/registrations";
        var body = new
        {
            institution = "SiB Colombia", country = "CO", role = "Developer", trackId = workshop.Tracks.Single(t => t.Name == "Developers").Id,
            acceptsPrivacy = true, answers = new Dictionary<Guid, string[]> { [setup.Questions[0].Id] = ["Biocache"] },
        };
        var rush = people.Take(60).Select(token => RegisterAsync(token, path, body)).ToList();
        // Killed once both nodes hold claimed receipts: the first node sends with one worker, so two claims at once mean
        // the second node holds at least one.
        await WaitForAsync(async () => await _data.WithDb(db => db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending)
            .Select(m => m.ClaimToken).Distinct().CountAsync()) >= 2 ? true : (bool?)null, TimeSpan.FromSeconds(30), "both nodes to be sending receipts");
        await _second!.KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        var answers = await Task.WhenAll(rush);
        Assert.DoesNotContain(answers, a => (int)a >= 500 && a is not HttpStatusCode.BadGateway and not HttpStatusCode.GatewayTimeout);
        Assert.Contains(HttpStatusCode.Created, answers);

        // The first node carries on: pages through nginx, and people whose answer was lost try again.
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await throughProxy.GetAsync("/workshops/scale-out")).StatusCode);
        for (var i = 0; i < answers.Length; i++)
            if (answers[i] is not HttpStatusCode.Created)
                Assert.Contains(await RegisterAsync(people[i], path, body), new[] { HttpStatusCode.Created, HttpStatusCode.Conflict });
        Assert.Equal(HttpStatusCode.Created, await RegisterAsync(people[60], path, body));

        // No seat given twice: 25 admitted at most, and the counter agrees with the registrations.
        var track = workshop.Tracks.Single(t => t.Name == "Developers").Id;
        var registrations = await _data.WithDb(db => db.Registrations.AsNoTracking().Where(r => r.WorkshopId == workshop.Id).ToListAsync());
        Assert.Equal(61, registrations.Count);
        Assert.Equal(25, registrations.Count(r => r.Status == RegistrationStatus.Admitted));
        Assert.Equal(25, await _data.SeatsTakenAsync(workshop, SeatCounter.ForTrack(track)));

        // The dead node's claimed receipts wait out the claim and then go; every registration has its receipt, sent once.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var stranded = await _data.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < killedAt).ToListAsync());
        var receipts = registrations.Select(r => $"{r.Id}/received").ToList();
        var sent = await WaitForAsync(async () =>
        {
            var rows = await _data.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => receipts.Contains(m.Reference)).ToListAsync());
            return rows.Count == receipts.Count && rows.All(m => m.Status == OutboxStatus.Sent) ? rows : null;
        }, TimeSpan.FromSeconds(ClaimTimeout + 75), "every receipt to be sent");
        var receiptAnswers = Accepted(sent.Select(m => m.Id).ToList());
        Assert.All(sent, m => Assert.InRange(receiptAnswers.Count(a => a.Id == m.Id), 1, 1 + OutboxSender.FinishTogether));
        Assert.All(stranded, m => Assert.True(sent.Single(s => s.Id == m.Id).SentAt >= m.ClaimedAt!.Value.AddSeconds(ClaimTimeout),
            "a receipt the dead node had claimed went out before its claim timed out"));

        output.WriteLine($"campaign: 30 emails in {span.TotalSeconds:F2} s; rush: {answers.Count(a => a == HttpStatusCode.Created)} created, " +
            $"{answers.Count(a => a != HttpStatusCode.Created)} lost with the node ({string.Join(", ", answers.Where(a => a != HttpStatusCode.Created).Distinct())}); " +
            $"{stranded.Count} receipts held by the dead node, sent {string.Join(", ", stranded.Select(m => $"{(sent.Single(x => x.Id == m.Id).SentAt - m.ClaimedAt)!.Value.TotalSeconds:F1}"))} s after their claim; " +
            $"receipts accepted twice: {sent.Count(m => receiptAnswers.Count(a => a.Id == m.Id) > 1)}");

        // Recurring jobs ran once a minute for the site, not once per node.
        await RecurringJobsRanOnceAsync();
    }

    private static readonly string[] Sweeps = [Core.Jobs.RecurringJobs.OutboxSweep, Core.Jobs.RecurringJobs.WebhookSweep, Core.Jobs.RecurringJobs.AnnouncementSweep];

    /// <summary>
    /// The minute's sweeps, each made by whichever node's scheduler got there first: once for the site, not once per
    /// node. The first whole minute after both were up counts (each node's start also triggers the sweeps once, before).
    /// </summary>
    private async Task RecurringJobsRanOnceAsync()
    {
        var runs = await RecurringRunsAsync();
        foreach (var job in Sweeps)
        {
            var made = runs.Where(r => r.Job == job).ToList();
            Assert.True(made.Count == 1, $"{job}: {made.Count} runs made for the minute from {FirstWholeMinute():HH:mm} ({string.Join(", ", made.Select(r => r.At.ToString("HH:mm:ss.fff")))})");
        }
    }

    private async Task<List<(string Job, DateTime At)>> RecurringRunsAsync()
    {
        await using var connection = new NpgsqlConnection(_data.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT p.value, j.createdat FROM hangfire.job j JOIN hangfire.jobparameter p ON p.jobid = j.id
            WHERE p.name = 'RecurringJobId' AND j.createdat >= $1 AND j.createdat < $2
            """, connection);
        command.Parameters.AddWithValue(FirstWholeMinute().UtcDateTime);
        command.Parameters.AddWithValue(FirstWholeMinute().AddSeconds(59).UtcDateTime);
        var runs = new List<(string Job, DateTime At)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) runs.Add((reader.GetString(0).Trim('"'), reader.GetDateTime(1)));
        return runs.Where(r => Sweeps.Contains(r.Job)).ToList();
    }

    private DateTimeOffset FirstWholeMinute() =>
        new DateTimeOffset(_bothUp.Year, _bothUp.Month, _bothUp.Day, _bothUp.Hour, _bothUp.Minute, 0, TimeSpan.Zero).AddMinutes(1);

    private List<(Guid Id, DateTimeOffset At)> Accepted(List<Guid> ids)
    {
        var wanted = ids.Select(id => id.ToString("N")).ToHashSet();
        return _smtp!.Answers().Where(a => a.Code == 250 && wanted.Contains(a.MessageId.Trim('<', '>').Split('@')[0]))
            .Select(a => (Guid.Parse(a.MessageId.Trim('<', '>').Split('@')[0]), a.At)).ToList();
    }

    private async Task<HttpStatusCode> RegisterAsync(string token, string path, object body)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_nginx!.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var answer = await client.PostAsJsonAsync(path, body);
            return answer.StatusCode;
        }
        catch (HttpRequestException)
        {
            return HttpStatusCode.BadGateway;
        }
    }

    private static async Task<string> EventuallyAsync(HttpClient client, string path, string text)
    {
        var page = "";
        for (var look = 0; look < 40 && !page.Contains(text); look++)
        {
            page = await client.GetStringAsync(path);
            if (!page.Contains(text)) await Task.Delay(50);
        }
        return page;
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } done) return done;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}.");
            await Task.Delay(200);
        }
    }

    private static HttpClient Client(SiteProcess node, CookieContainer cookies) => Client(node.BaseUrl, cookies);

    private static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    private static int Port(SiteProcess node) => new Uri(node.BaseUrl).Port;

    /// <summary>The test's own host on the same database, with no job server: it writes the data a test needs as the site would.</summary>
    private sealed class DataDesk : AppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Jobs:RunServer", "false")];

        /// <summary>A member with a confirmed address and a registrations:own token; no password, since a token is all a program needs.</summary>
        public async Task<string> ParticipantTokenAsync(int number)
        {
            await using (var scope = Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                var email = $"participant{number:D2}@rush.example.org";
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Participant {number:D2}", CreatedAt = DateTimeOffset.UtcNow };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                await users.AddToRoleAsync(user, Roles.Member);
                return await this.TokenAsync(user, ["registrations:own"]);
            }
        }
    }
}
