using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.Tests.Shared;
using Workshops.Web.Infrastructure;

namespace Workshops.IntegrationTests.Support;

/// <summary>The whole site in memory on a real database of its own, with mail dropped as .eml files.</summary>
public class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "workshops-tests", Guid.NewGuid().ToString("N"));
    public TestDatabase Database { get; private set; } = null!;
    /// <summary>What the site has sent: with no SMTP server set, the .eml files it drops under mail/.</summary>
    public Mailbox Mail => new(MailDirectory, () => WithDb(async db =>
        string.Join("; ", (await db.OutboxMessages.AsNoTracking().ToListAsync()).Select(m => $"{m.To} {m.Kind} {m.Status} {m.Attempts} {m.LastError}")) + await HangfireDiag()),
        MailPattern);

    protected virtual string MailDirectory => Path.Combine(DataDirectory, "mail");
    protected virtual string MailPattern => "*.eml";

    /// <summary>Where Hangfire's own tables say the jobs are, for the message of a test that waited in vain.</summary>
    private async Task<string> HangfireDiag()
    {
        if (Database.Provider != "Postgres") return "";
        await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select j.id || ' ' || coalesce(j.statename, '-') || ' fetched ' || coalesce(q.fetchedat::text, '-') " +
            "from hangfire.job j left join hangfire.jobqueue q on q.jobid = j.id order by j.id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var jobs = new List<string>();
        while (await reader.ReadAsync()) jobs.Add(reader.GetString(0));
        return " | Hangfire jobs: " + string.Join("; ", jobs);
    }

    /// <summary>A new database of its own; a site restored from a backup is given the one it was restored into.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(DataDirectory);

    /// <summary>Extra settings a test class needs, applied after the defaults.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>Servers of its own a test class needs (an SMTP server), started before the host so its settings can name them.</summary>
    protected virtual Task StartServersAsync() => Task.CompletedTask;

    protected virtual ValueTask StopServersAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        await StartServersAsync();
        _ = Server; // starts the host: migrations run now, not inside the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseTestDefaults(Database, DataDirectory, "Test Workshops");
        // The address the test client calls, so links read from emails can be followed as they are.
        builder.UseSetting("Site:BaseUrl", "http://localhost");
        // Every test client speaks from the same (absent) address and signs in again and again; the limits are tested
        // on their own, with their real values and low ones (RateLimitTests).
        foreach (var rule in new Workshops.Core.Security.RateLimitOptions().Rules.Keys)
            builder.UseSetting($"RateLimits:Rules:{rule}:Permits", "1000000");
        foreach (var (key, value) in Settings()) builder.UseSetting(key, value);
    }

    public new async Task DisposeAsync()
    {
        try { await base.DisposeAsync(); }
        finally
        {
            try { await StopServersAsync(); }
            finally { await Database.DisposeAsync(); }
        }
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { }
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<AppUser> CreateUserAsync(string? role = null, bool confirmed = true, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"{role?.ToLowerInvariant() ?? "member"}-{Guid.NewGuid():N}@example.org";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = "Test " + (role ?? "Member"), CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Member);
        if (role is not null && role != Roles.Member) await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A browser signed in through the real sign-in form, as a user with that role (null: anonymous).</summary>
    public async Task<HttpClient> BrowserAs(string? role)
    {
        if (role is null) return Browser();
        return await this.SignInAsync(await CreateUserAsync(role));
    }

    public async Task<Workshop> AddWorkshopAsync(string slug, WorkshopStatus status = WorkshopStatus.Published, DateTime? startsLocal = null,
        string zone = "Europe/Madrid", string? description = null)
    {
        var workshop = new AWorkshop
        {
            Title = $"Workshop {slug}", Slug = slug, Starts = startsLocal ?? DateTime.UtcNow.Date.AddDays(90).AddHours(9), Zone = zone,
            Venue = "Real Jardín Botánico", Address = "Plaza de Murillo 2", City = "Madrid", Country = "España", Description = description ?? "A **week** of work.",
            Tracks = [AWorkshop.Track("Developers", 25, "Code"), AWorkshop.Track("Managers", 20)], Status = status,
        }.Build();
        return await WithDb(async db =>
        {
            db.Workshops.Add(workshop);
            await db.SaveChangesAsync();
            // Written behind the editor's back, so evict the visitors' pages as the editor would.
            await Services.GetRequiredService<IOutputCacheStore>().EvictAsync(default);
            return workshop;
        });
    }

    public Task<int> CountWorkshopsAsync() => WithDb(db => db.Workshops.CountAsync());
}
