using Xunit.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;

namespace Workshops.IntegrationTests.Features.Announcements;

/// <summary>
/// The site as its own process, sending a campaign to a real SMTP server, killed outright half-way (SIGKILL: no
/// shutdown, no finally) and started again. Counts what the SMTP server received.
/// </summary>
[Trait("Category", "Processes")]
public sealed class CampaignCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int People = 1500;
    private const int ClaimTimeoutSeconds = 10;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private SmtpSink _smtp = null!;
    private Guid _announcement;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(_data);
        _smtp = await SmtpSink.StartAsync(Path.Combine(_data, "smtp"));
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_campaign_killed_half_way_reaches_everyone_after_a_restart_and_repeats_only_what_was_not_yet_recorded()
    {
        await ScheduleCampaignAsync();

        // Started, the site begins the due announcement at once; it is killed once the relay has a fifth of it and a
        // bit more, so that the kill falls inside a batch (while its claim is held), not between two.
        int atKill;
        await using (var site = await StartSiteAsync())
        {
            atKill = await WaitAsync(() => Accepted().Count is var n && n >= People / 5 + 21 ? n : null, "a fifth of the campaign");
            await site.KillAsync();
        }
        var rightAfter = Accepted().Count;
        Assert.True(rightAfter < People, $"The campaign was already over ({rightAfter} accepted) when the site was killed.");

        // What the dead process had claimed is taken back once its claim is older than the timeout: a live instance
        // may still be sending it until then. Restarting after that, the site's first sweep finds it.
        var stillClaimed = await CountAsync(OutboxStatus.Sending);
        await Task.Delay(TimeSpan.FromSeconds(ClaimTimeoutSeconds + 1));
        await using (await StartSiteAsync())
        {
            await WaitAsync(async () => await CountAsync(OutboxStatus.Sent) == People && Accepted().Distinct().Count() == People ? 1 : (int?)null, "every email");
            await WaitAsync(async () => await AnnouncementStatusAsync() == AnnouncementStatus.Sent ? 1 : (int?)null, "the campaign to be marked sent");
        }

        var accepted = Accepted();
        await using (var db = Db())
        {
            var ids = await db.OutboxMessages.Where(m => m.CampaignId == _announcement).Select(m => m.Id).ToListAsync();
            Assert.Equal(People, ids.Count);
            Assert.Equal(ids.Select(id => $"{id:N}@localhost.localdomain").Order(), accepted.Distinct().Order());
        }
        var twice = accepted.GroupBy(x => x).Where(g => g.Count() > 1).ToList();
        Assert.All(twice, g => Assert.Equal(2, g.Count()));
        output.WriteLine($"{_database.Provider}: killed at {atKill} of {People} accepted, {stillClaimed} left claimed by the dead process, {twice.Count} sent twice.");
        // Repeated can be only what the server had accepted and the dead process had not yet written down: at most the
        // one group a worker marks sent together (one worker here, as Jobs:WorkerCount says).
        Assert.True(twice.Count <= OutboxSender.FinishTogether,
            $"{twice.Count} emails were sent twice (killed at {atKill} accepted, {stillClaimed} still claimed).");
        Assert.True(stillClaimed > 0 || twice.Count == 0);
    }

    private List<string> Accepted() => _smtp.Answers().Where(a => a.Code == 250).Select(a => a.MessageId).ToList();

    private Task<SiteProcess> StartSiteAsync() => SiteProcess.StartAsync(SiteProcess.BuiltSite(), new Dictionary<string, string>
    {
        ["Database__Provider"] = _database.Provider,
        ["Database__ConnectionString"] = _database.ConnectionString,
        ["Storage__DataDirectory"] = _data,
        ["Email__Host"] = "127.0.0.1",
        ["Email__Port"] = _smtp.Port.ToString(),
        ["Email__Security"] = "None",
        ["Email__ClaimTimeoutSeconds"] = ClaimTimeoutSeconds.ToString(),
        ["Jobs__WorkerCount"] = "1",
        ["Jobs__PollIntervalSeconds"] = "1",
        ["Jobs__SendReminders"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    });

    private AppDbContext Db()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(options, new DatabaseOptions { Provider = Enum.Parse<DatabaseProvider>(_database.Provider), ConnectionString = _database.ConnectionString }, _data);
        return new AppDbContext(options.Options);
    }

    /// <summary>The schema as the site makes it, an organiser, and an announcement to many pasted addresses, due now.</summary>
    private async Task ScheduleCampaignAsync()
    {
        var services = new ServiceCollection().AddScoped(_ => Db()).BuildServiceProvider();
        await services.MigrateAsync();
        await using var db = Db();
        var organiser = new AppUser { UserName = "organiser@example.org", Email = "organiser@example.org", DisplayName = "Organiser", CreatedAt = DateTimeOffset.UtcNow };
        db.Users.Add(organiser);
        var pasted = string.Join("\n", Enumerable.Range(0, People).Select(i => $"node{i:D4}@example.org"));
        var a = Announcement.Create(new AnnouncementDetails("The call for sessions is open", "Dear {first_name}, propose a session.", null,
            new Audience(false, [], [], false, false, pasted), false), organiser.Id, DateTimeOffset.UtcNow);
        a.SendNow("https://workshops.example.org", a.CreatedById, DateTimeOffset.UtcNow);
        db.Announcements.Add(a);
        await db.SaveChangesAsync();
        _announcement = a.Id;
    }

    private async Task<int> CountAsync(OutboxStatus status)
    {
        await using var db = Db();
        return await db.OutboxMessages.CountAsync(m => m.CampaignId == _announcement && m.Status == status);
    }

    private async Task<AnnouncementStatus> AnnouncementStatusAsync()
    {
        await using var db = Db();
        return await db.Announcements.Where(a => a.Id == _announcement).Select(a => a.Status).SingleAsync();
    }

    private static Task<int> WaitAsync(Func<int?> probe, string what) => WaitAsync(() => Task.FromResult(probe()), what);

    private static async Task<int> WaitAsync(Func<Task<int?>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"Waited 120 s for {what}.");
    }
}
