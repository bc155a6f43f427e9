using System.Data.Common;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Features.Privacy;

/// <summary>Someone who did everything the site offers, and someone else beside them in the same workshop.</summary>
public sealed record Everything(Workshop Workshop, AppUser Jane, string JaneName, HttpClient JaneBrowser, AppUser Otto, string OttoName,
    Guid JaneRegistration, Guid OttoRegistration, AgendaItem JaneItem, AgendaItem OttoItem, Proposal JaneSession, Proposal OttoProposal);

public static class PrivacyData
{
    /// <summary>
    /// Jane registers, proposes a session that is accepted and published, is invited to co-speak on Otto's, reviews
    /// Otto's, uploads a material, stars a session and is emailed; Otto registers, proposes and speaks.
    /// </summary>
    public static async Task<Everything> EverythingAsync(this AppFactory app)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var workshop = await app.AddWorkshopAsync("privacy-" + tag);
        var setup = await app.AddRegistrationAsync(workshop);
        var (jane, janeName) = await NamedAsync(app, "Jane Quillfeather" + tag);
        var (otto, ottoName) = await NamedAsync(app, "Otto Brambleworth" + tag);
        var janeBrowser = await app.SignInAsync(jane);
        var ottoBrowser = await app.SignInAsync(otto);
        foreach (var (user, browser) in new[] { (jane, janeBrowser), (otto, ottoBrowser) })
        {
            var fields = RegistrationData.RegistrationFields(setup, workshop, user);
            fields["Input.WantsLetter"] = "true";
            fields["Input.PassportNationality"] = "Atlantean";
            Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync($"/workshops/{workshop.Slug}/register", fields)).StatusCode);
        }
        var janeSession = await app.AddConfirmedSessionAsync(workshop, jane, "Quill tracking " + tag);
        var call = await app.WithDb(db => db.Calls.FirstAsync(c => c.WorkshopId == workshop.Id));
        var ottoProposal = await app.AddSessionAsync(call, otto, "Bramble mapping " + tag, new CoSpeakerDetails(janeName, jane.Email));
        var room = await app.AddRoomAsync(workshop, "Sala " + tag);
        var janeItem = await app.AddItemAsync(workshop, "Quill tracking " + tag, room, speakers: new AgendaSpeakerDetails(janeName, jane.Id));
        var ottoItem = await app.AddItemAsync(workshop, "Bramble mapping " + tag, room, at: "10:00", speakers: new AgendaSpeakerDetails(ottoName, otto.Id));
        await app.WithDb(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var stored = await db.Proposals.FirstAsync(p => p.Id == ottoProposal.Id);
            var storedCall = await db.Calls.FirstAsync(c => c.Id == call.Id);
            db.Reviews.Add(Review.Score(stored, storedCall, jane.Id, storedCall.Criteria.ToDictionary(c => c.Id, _ => 4), $"Good, says {janeName}.", now));
            db.AgendaStars.Add(AgendaStar.For(jane.Id, workshop.Id, ottoItem.Id, now));
            var material = Material.ForWorkshop(workshop.Id, janeItem.Id, new MaterialDetails("Quill slides " + tag, MaterialType.Slides, janeName, MaterialVisibility.Public, "https://example.org/quill"), jane.Id, now);
            db.Materials.Add(material);
            var rooms = await db.Rooms.Where(r => r.WorkshopId == workshop.Id).ToListAsync();
            var stored2 = await db.Workshops.Include(w => w.Tracks).FirstAsync(w => w.Id == workshop.Id);
            var items = await db.AgendaItems.Where(i => i.WorkshopId == workshop.Id).ToListAsync();
            db.AgendaVersions.Add(AgendaVersion.Publish(stored2, null, AgendaSnapshot.Of(rooms, stored2.Tracks, items), null, null, now));
            return await db.SaveChangesAsync();
        });
        // The search index holds the material's and the session's speakers too.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Core.Domain.Archive.ArchiveIndex>().RebuildWorkshopAsync(workshop.Id, default);
        var ids = await app.WithDb(db => db.Registrations.Where(r => r.WorkshopId == workshop.Id).ToDictionaryAsync(r => r.UserId, r => r.Id));
        return new Everything(workshop, jane, janeName, janeBrowser, otto, ottoName, ids[jane.Id], ids[otto.Id], janeItem, ottoItem, janeSession, ottoProposal);
    }

    private static async Task<(AppUser, string)> NamedAsync(AppFactory app, string name)
    {
        var user = await app.CreateUserAsync(email: $"{name.Split(' ')[0].ToLowerInvariant()}-{Guid.NewGuid():N}@example.org");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        stored.DisplayName = name;
        stored.Institution = "Instituto " + name;
        await users.UpdateAsync(stored);
        return (stored, name);
    }

    /// <summary>Asks for the copy, waits for the job, downloads it: the files in the ZIP by name.</summary>
    public static async Task<Dictionary<string, string>> DownloadDataAsync(this AppFactory app, HttpClient browser, AppUser user)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostFormAsync("/account/data", new Dictionary<string, string> { ["Password"] = AppFactory.Password }, "/account/data")).StatusCode);
        Guid id = default;
        for (var i = 0; i < 300 && id == default; i++)
        {
            id = await app.WithDb(db => db.DataExports.Where(e => e.UserId == user.Id && e.Status == Core.Privacy.DataExportStatus.Ready).Select(e => e.Id).FirstOrDefaultAsync());
            if (id == default) await Task.Delay(100);
        }
        Assert.NotEqual(default, id);
        var response = await browser.GetAsync($"/account/data?handler=Download&id={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        return zip.Entries.ToDictionary(e => e.FullName, e => new StreamReader(e.Open()).ReadToEnd());
    }

    /// <summary>Every text value in every table and schema of the database, with where it is, read as the database holds it.</summary>
    public static async Task<List<(string Table, string Value)>> EveryTextAsync(this AppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        var postgres = db.Database.IsNpgsql();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT '\"' || table_schema || '\".\"' || table_name || '\"' FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'"
                : "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var found = new List<(string, string)>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {table}";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i)) continue;
                    var value = reader.GetValue(i) switch { byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes), var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) };
                    if (!string.IsNullOrEmpty(value)) found.Add((table, value));
                }
        }
        return found;
    }

    public static JsonElement Json(Dictionary<string, string> files) => JsonDocument.Parse(files["data.json"]).RootElement;
}
