// The floor under the site's memory (see StackFloor.csproj): Kestrel, Razor Pages with antiforgery and tag helpers,
// EF Core on SQLite with a compiled model, Identity's stores and cookie, Data Protection keys in the database,
// request localization in four languages, the output cache, a rate limiter, health checks, OpenTelemetry metrics
// for Prometheus, and Hangfire's server on in-memory storage with a recurring job that reads the database.
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using OpenTelemetry.Metrics;
using StackFloor;

var builder = WebApplication.CreateSlimBuilder(args);
var data = builder.Configuration["Storage:DataDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(data);
builder.Services.AddDbContextPool<FloorDb>(o => o.UseSqlite($"Data Source={Path.Combine(data, "floor.db")}")
    .UseModel(StackFloor.CompiledModel.FloorDbModel.Instance));
builder.Services.AddIdentity<IdentityUser, IdentityRole>().AddEntityFrameworkStores<FloorDb>().AddDefaultTokenProviders();
builder.Services.AddDataProtection().PersistKeysToDbContext<FloorDb>();
builder.Services.AddRazorPages();
builder.Services.AddLocalization();
builder.Services.Configure<RequestLocalizationOptions>(o =>
{
    string[] languages = ["en", "es", "fr", "pt"];
    o.SetDefaultCulture("en").AddSupportedCultures(languages).AddSupportedUICultures(languages);
});
builder.Services.AddOutputCache(o => o.AddBasePolicy(p => p.Expire(TimeSpan.FromMinutes(1))));
// Posted forms only, per address, as the site limits its forms.
builder.Services.AddRateLimiter(o => o.AddPolicy("forms", context => HttpMethods.IsPost(context.Request.Method)
    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) })
    : RateLimitPartition.GetNoLimiter("")));
builder.Services.AddHealthChecks().AddDbContextCheck<FloorDb>();
builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter());
builder.Services.AddHangfire(c => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseRecommendedSerializerSettings());
builder.Services.AddSingleton<JobStorage>(new InMemoryStorage());
builder.Services.AddHangfireServer(o => o.WorkerCount = 2);
builder.Services.AddScoped<Sweep>();

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<FloorDb>();
    if (args.Contains("--seed")) await Sweep.SeedAsync(db);
    await db.Workshops.CountAsync();
}

app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.MapHealthChecks("/healthz");
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapRazorPages();
app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Sweep>("sweep", s => s.RunAsync(), Cron.Minutely());
app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<Sweep>(s => s.RunAsync());
app.Run();

/// <summary>A job that reads the database, as the site's sweeps do.</summary>
public sealed class Sweep(FloorDb db, ILogger<Sweep> log)
{
    public async Task RunAsync()
    {
        var due = await db.Workshops.Where(w => w.Seats > 0).SelectMany(w => w.Sessions).CountAsync();
        log.LogDebug("{Due} sessions", due);
    }

    public static async Task SeedAsync(FloorDb db)
    {
        await db.Database.EnsureCreatedAsync();
        if (await db.Workshops.AnyAsync()) return;
        for (var i = 0; i < 3; i++)
        {
            var starts = new DateOnly(2027 + i, 3, 10);
            db.Workshops.Add(new Workshop
            {
                Slug = $"{2027 + i}-floor", Title = $"Workshop {2027 + i}", City = "São Paulo", StartsOn = starts, Seats = 50,
                Sessions = [.. Enumerable.Range(0, 12).Select(s => new Session
                {
                    Title = $"Session {s + 1}", Speaker = $"Speaker {s + 1}", StartsAt = starts.ToDateTime(new TimeOnly(9 + s % 8, 0)),
                })],
            });
        }
        await db.SaveChangesAsync();
    }
}
