using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;

namespace Workshops.Benchmarks;

/// <summary>
/// The materials benchmark's archive: 200 past events of 50 materials each (10,000), every file with a few hundred
/// words of text as PdfPig would have read them, indexed by the site's own <see cref="ArchiveIndex"/>; and one event
/// holding the 1 GiB file, stored in the site's file store.
/// </summary>
public static class MaterialsData
{
    public const int Events = 200;
    public const int MaterialsPerEvent = 50;

    // Words a biodiversity portal's slides use, most of them often and some rarely, so that searches range from a
    // handful of hits to thousands.
    private static readonly string[] Common =
    [
        "data", "occurrence", "species", "portal", "records", "dataset", "publishing", "node", "collection", "herbarium",
        "taxonomy", "checklist", "specimen", "observation", "quality", "pipeline", "ingestion", "atlas", "spatial", "layers",
    ];

    private static readonly string[] Rare =
    [
        "quokkas", "axolotl", "tuatara", "kakapo", "okapi", "pangolin", "saola", "vaquita", "dugong", "numbat",
        "elasticsearch", "cassandra", "ansible", "kubernetes", "solr", "postgis", "geoserver", "darwincore", "ipt", "biocache",
    ];

    private static readonly string[] Filler =
    [
        "the", "of", "and", "to", "in", "for", "with", "on", "from", "by", "our", "new", "how", "we", "users", "national",
        "training", "community", "server", "release", "version", "search", "map", "map", "maps", "team", "funding", "partners",
        "institution", "museum", "survey", "country", "region", "year", "annual", "report", "metadata", "identifier", "upload",
    ];

    private static readonly string[] People = ["Ana Souza", "Tim Robertson", "Mei Tanaka", "Javier Otegui", "Marie Dubois", "Kwame Mensah", "Eleni Papadopoulou", "Sipho Ndlovu"];
    private static readonly string[] Countries = ["Spain", "France", "Argentina", "Australia", "Sweden", "Portugal", "Benin", "Canada", "Brazil", "Tanzania"];

    /// <summary>Searches as people type them: common words, rare ones, names, two words, and with the year filter.</summary>
    public static readonly string[] Queries =
    [
        "occurrence", "species portal", "quokkas", "herbarium", "darwincore", "Tanaka", "data quality", "kubernetes", "spatial layers",
        "checklist", "axolotl pangolin", "ipt publishing", "Robertson", "biocache", "atlas", "specimen&year=2019", "postgis",
        "observation pipeline", "dataset&type=Conference", "survey", "saola", "records&country=Spain", "geoserver maps", "collection",
    ];

    public static async Task SeedAsync(DatabaseOptions options, string dataDirectory)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(builder, options, dataDirectory);
        var now = DateTimeOffset.UtcNow;
        var random = new Random(42);
        var types = Enum.GetValues<ArchivedEventType>();
        var eventIds = new List<Guid>();
        for (var e = 0; e < Events; e++)
        {
            // A context per event keeps the change tracker small, as the import does.
            await using var db = new AppDbContext(builder.Options);
            var year = 2008 + e % 18;
            var start = new DateOnly(year, 1 + e % 12, 1 + e % 27);
            var ev = ArchivedEvent.Create($"{year}-bench-event-{e:D3}", new ArchivedEventDetails($"Benchmark event {e}: {Words(random, 4)}", types[e % types.Length],
                start, start.AddDays(2), null, "City " + e, Countries[e % Countries.Length], null, Sentence(random, 60)), $"bench:{e}", now);
            db.ArchivedEvents.Add(ev);
            for (var m = 0; m < MaterialsPerEvent; m++)
            {
                var text = Sentence(random, 300 + random.Next(400));
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"bench-file-{e}-{m}")));
                var material = Material.ForEvent(ev.Id, new MaterialDetails(Words(random, 6), (MaterialType)(m % 7),
                    People[(e + m) % People.Length] + ", " + People[(e + 3 * m + 1) % People.Length], MaterialVisibility.Public), $"bench:{e}/{m}", m, now);
                material.AttachFile(hash, 1_000_000 + m, $"slides-{m}.pdf", "application/pdf", null, now);
                db.Materials.Add(material);
                db.FileTexts.Add(FileText.Of(hash, text, 12, null, now));
            }
            await db.SaveChangesAsync();
            eventIds.Add(ev.Id);
        }
        foreach (var id in eventIds)
        {
            await using var db = new AppDbContext(builder.Options);
            await new ArchiveIndex(db).RebuildEventAsync(id, CancellationToken.None);
        }
    }

    /// <summary>Stores the file in the site's file store and gives it a public material of its own; returns the download path.</summary>
    public static async Task<string> AddBigFileAsync(DatabaseOptions options, string dataDirectory, string file)
    {
        StoredFile stored;
        await using (var content = File.OpenRead(file))
            stored = await new LocalFileStore(Path.Combine(dataDirectory, "files")).PutAsync(content, long.MaxValue, CancellationToken.None);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(builder, options, dataDirectory);
        await using var db = new AppDbContext(builder.Options);
        var now = DateTimeOffset.UtcNow;
        var ev = ArchivedEvent.Create("2024-recordings", new ArchivedEventDetails("Recordings of 2024", ArchivedEventType.Workshop,
            new DateOnly(2024, 10, 1), null, null, "Madrid", "Spain", null, null), "bench:big", now);
        var material = Material.ForEvent(ev.Id, new MaterialDetails("Every recording of 2024", MaterialType.Dataset, null, MaterialVisibility.Public), "bench:big/0", 0, now);
        material.AttachFile(stored.Hash, stored.Length, "recordings-2024.zip", "application/zip", null, now);
        db.ArchivedEvents.Add(ev);
        db.Materials.Add(material);
        await db.SaveChangesAsync();
        return $"/materials/{material.Id}/file";
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Pick(random)));

    private static string Sentence(Random random, int count) => Words(random, count) + ".";

    // Roughly Zipf-like: filler most, each common word in nearly every material, each rare word in a few hundred.
    private static string Pick(Random random) => random.Next(10_000) switch
    {
        < 7_000 => Filler[random.Next(Filler.Length)],
        < 9_990 => Common[random.Next(Common.Length)],
        _ => Rare[random.Next(Rare.Length)],
    };
}
