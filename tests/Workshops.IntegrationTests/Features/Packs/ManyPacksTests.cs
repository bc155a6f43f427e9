using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Storage;
using Workshops.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Workshops.IntegrationTests.Features.Packs;

public sealed class ManyPacksTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const int Attendees = 1200;

    [Fact]
    public async Task Twelve_hundred_packs_made_in_parallel_each_read_back_with_their_own_name_and_code()
    {
        var (workshop, setup) = await app.PackWorkshopAsync();
        var tracks = workshop.Tracks.OrderBy(t => t.Position).ToList();
        await app.WithDb(async db =>
        {
            // Straight into the tables: registering 1,200 people through the form would be most of the test's time.
            for (var i = 0; i < Attendees; i++)
            {
                var name = $"{PackSamples.Names[i % PackSamples.Names.Length]} {i:D4}";
                var registration = Registration.Submit(setup, workshop, $"user-{i}",
                    new ARegistration { Name = name, Email = $"p{i}@example.org", Institution = $"Institution {i % 40}", Country = PackSamples.Countries[i % PackSamples.Countries.Length], Track = tracks[i % 2].Name, ListPublicly = i % 3 != 0 }.Details(workshop),
                    new Dictionary<Guid, IReadOnlyList<string>> { [setup.Questions[0].Id] = ["Biocache"] }, DateTimeOffset.UtcNow);
                registration.MoveTo(RegistrationStatus.Admitted, null, DateTimeOffset.UtcNow);
                db.Registrations.Add(registration);
            }
            return await db.SaveChangesAsync();
        });
        var room = await app.AddRoomAsync(workshop, "Aula Magna");
        for (var i = 0; i < 12; i++) await app.AddItemAsync(workshop, $"Session {i}", room, day: i / 4);
        var organiser = await app.BrowserAs(Roles.Organiser);
        await organiser.PostFormAsync($"/organise/workshops/{workshop.Id}/agenda/publish", new() { ["Input.ExpectedNumber"] = "0" });

        var started = DateTime.UtcNow;
        await organiser.GenerateAsync(workshop);
        var run = await app.FinishedRunAsync(workshop, seconds: 300);
        output.WriteLine($"{run.Done} packs in {(DateTime.UtcNow - started).TotalSeconds:0.0} s (run: {(run.FinishedAt - run.StartedAt)?.TotalSeconds:0.0} s)");
        Assert.Equal((PackRunStatus.Done, Attendees, Attendees, 0), (run.Status, run.Total, run.Done, run.Failed));

        var packs = await app.WithDb(db => db.AttendeePacks.AsNoTracking().Where(p => p.WorkshopId == workshop.Id)
            .Join(db.Registrations, p => p.RegistrationId, r => r.Id, (p, r) => new { p.FileHash, r.Id, r.Name }).ToListAsync());
        Assert.Equal(Attendees, packs.Count);
        Assert.Equal(Attendees, packs.Select(p => p.FileHash).Distinct().Count());
        var store = app.Services.GetRequiredService<IFileStore>();
        var checkedQr = 0;
        Parallel.ForEach(packs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (pack, _, index) =>
        {
            using var stream = store.OpenRead(pack.FileHash)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            using var pdf = PdfDocument.Open(bytes);
            var cover = pdf.GetPage(1).Text.Normalize(NormalizationForm.FormC).Replace(" ", "");
            var code = CheckInCode.For(setup, pack.Id);
            Assert.Contains(pack.Name.Replace(" ", ""), cover);
            Assert.Contains(code, cover);
            // Decoding the QR code needs a rendering: a sample of them, spread over the run.
            if (index % 100 == 0)
            {
                Assert.Equal([code], PdfImages.ReadQrCodes(PdfImages.RenderPage(bytes, 1)));
                Interlocked.Increment(ref checkedQr);
            }
        });
        Assert.Equal(Attendees / 100, checkedQr);
    }
}
