using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Jobs;
using Workshops.Core.Storage;
using Workshops.IntegrationTests.Support;

namespace Workshops.IntegrationTests.Infrastructure;

/// <summary>The daily sweep of the file store: files no row refers to go after their grace period; referenced ones never do.</summary>
public sealed class FileSweepTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static MemoryStream Bytes(string text) => new(System.Text.Encoding.UTF8.GetBytes(text + Guid.NewGuid()));

    private async Task<FileSweepResult> SweepAsync(TimeSpan later)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var job = new FileSweepJob(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<IFileStore>(), services.GetRequiredService<FileReferences>(),
            services.GetRequiredService<IOptions<StorageOptions>>(), new FakeTimeProvider(DateTimeOffset.UtcNow + later), NullLogger<FileSweepJob>.Instance);
        return await job.Run(default);
    }

    [Fact]
    public async Task Unreferenced_files_go_after_the_grace_period_and_referenced_ones_stay()
    {
        var store = app.Services.GetRequiredService<IFileStore>();
        var kept = await store.PutAsync(Bytes("slides"), long.MaxValue, default);
        var orphan = await store.PutAsync(Bytes("old pack"), long.MaxValue, default);
        var zip = await store.PutAsync(Bytes("imported zip"), long.MaxValue, default);
        var failedZip = await store.PutAsync(Bytes("failed zip"), long.MaxValue, default);
        var workshop = await app.AddWorkshopAsync($"fs-{Guid.NewGuid():N}"[..20]);
        await app.WithDb(async db =>
        {
            var material = Material.ForWorkshop(workshop.Id, null, new MaterialDetails("Slides", MaterialType.Slides, null, MaterialVisibility.Public), null, DateTimeOffset.UtcNow);
            material.AttachFile(kept.Hash, kept.Length, "slides.pdf", FileKinds.Pdf.ContentType, null, DateTimeOffset.UtcNow);
            db.Materials.Add(material);
            var done = ArchiveImport.Queue(zip.Hash, "site.zip", (await app.CreateUserAsync()).Id, DateTimeOffset.UtcNow);
            done.Start(DateTimeOffset.UtcNow);
            done.Finish("done", "done", DateTimeOffset.UtcNow);
            var failed = ArchiveImport.Queue(failedZip.Hash, "broken.zip", (await app.CreateUserAsync()).Id, DateTimeOffset.UtcNow);
            failed.Fail("broken", DateTimeOffset.UtcNow);
            db.ArchiveImports.AddRange(done, failed);
            return await db.SaveChangesAsync();
        });

        // Within the grace period nothing goes, referenced or not.
        var early = await SweepAsync(TimeSpan.FromHours(1));
        Assert.Equal(0, early.Removed);
        Assert.True(store.Exists(orphan.Hash));

        var late = await SweepAsync(TimeSpan.FromDays(2));
        Assert.True(late.Removed >= 2);
        Assert.False(store.Exists(orphan.Hash));
        Assert.False(store.Exists(zip.Hash)); // imported: its ZIP is no longer needed
        Assert.True(store.Exists(kept.Hash));
        Assert.True(store.Exists(failedZip.Hash)); // a failed import can run again
    }

    [Fact]
    public async Task A_file_stored_again_while_the_sweep_runs_is_renewed_and_survives()
    {
        var store = app.Services.GetRequiredService<IFileStore>();
        var content = "the same bytes " + Guid.NewGuid();
        var first = await store.PutAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), long.MaxValue, default);
        var root = Path.Combine(app.DataDirectory, "files");
        var path = Directory.GetFiles(root, first.Hash, SearchOption.AllDirectories).Single();
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddDays(-3));
        // An upload of the same bytes, about to be saved in a row: the file is renewed.
        await store.PutAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), long.MaxValue, default);
        await SweepAsync(TimeSpan.Zero);
        Assert.True(store.Exists(first.Hash));
    }

    [Fact]
    public async Task Leftovers_of_interrupted_uploads_go_too()
    {
        var tmp = Path.Combine(app.DataDirectory, "files", "tmp");
        Directory.CreateDirectory(tmp);
        var leftover = Path.Combine(tmp, Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(leftover, "half an upload");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddDays(-3));
        var result = await SweepAsync(TimeSpan.Zero);
        Assert.True(result.Temporary >= 1);
        Assert.False(File.Exists(leftover));
    }
}
