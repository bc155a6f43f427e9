using Hangfire;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Jobs;
using Workshops.Core.Storage;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Materials;

/// <summary>The outcome of a change: done, a message for a field, or a file over the size limit (answered with 413).</summary>
public sealed record MaterialResult(Material? Material, string? Field = null, string? Error = null, bool TooLarge = false, bool Stale = false)
{
    public static MaterialResult Fail(string? field, string error, bool tooLarge = false) => new(null, field, error, tooLarge);
}

/// <summary>Adds, changes and removes materials; every change re-indexes the archive search and refreshes visitors' pages.</summary>
public sealed class MaterialDesk(AppDbContext db, IFileStore store, IOptions<StorageOptions> storage, TimeProvider clock, ArchiveIndex index,
    IBackgroundJobClient jobs, IOutputCacheStore cache)
{
    public async Task<MaterialResult> CreateAsync(MaterialTarget target, MaterialDetails details, IFormFile? file, string? userId, CancellationToken ct)
    {
        if (details.Link is null && file is null) return MaterialResult.Fail("File", "Choose a file to upload, or give a link.");
        if (details.Link is not null && file is not null) return MaterialResult.Fail("Link", "A material is a file or a link, not both: add the other as a material of its own.");
        Material material;
        try
        {
            var now = clock.GetUtcNow();
            material = target.Event is { } e
                ? Material.ForEvent(e.Id, details, null, await NextPositionAsync(e.Id, ct), now)
                : Material.ForWorkshop(target.Workshop!.Id, target.Session?.Id, details, userId, now);
        }
        catch (DomainException ex)
        {
            return MaterialResult.Fail(ex.Field, ex.Message);
        }
        if (file is not null)
        {
            var stored = await StoreAsync(file, ct);
            if (stored.Error is not null) return stored.Error;
            material.AttachFile(stored.File!.Hash, stored.File.Length, file.FileName, stored.Kind!.ContentType, userId, clock.GetUtcNow());
        }
        db.Materials.Add(material);
        await db.SaveChangesAsync(ct);
        await AfterChangeAsync(material, ct);
        return new MaterialResult(material);
    }

    public async Task<MaterialResult> EditAsync(Material material, MaterialDetails details, long? version, CancellationToken ct)
    {
        try
        {
            db.Expect(material, version);
            material.Edit(details, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return MaterialResult.Fail(ex.Field, ex.Message);
        }
        if (!await db.TrySaveAsync(ct)) return new MaterialResult(null, null, Versions.Conflict("this material"), Stale: true);
        await AfterChangeAsync(material, ct);
        return new MaterialResult(material);
    }

    /// <summary>A new version of the file; the earlier ones stay for organisers.</summary>
    public async Task<MaterialResult> ReplaceFileAsync(Material material, IFormFile file, string? userId, CancellationToken ct)
    {
        if (material.IsLink) return MaterialResult.Fail("File", "This material is a link; add a file as a material of its own.");
        var stored = await StoreAsync(file, ct);
        if (stored.Error is not null) return stored.Error;
        // The new version joins the tracked material's files; saving adds its row.
        material.AttachFile(stored.File!.Hash, stored.File.Length, file.FileName, stored.Kind!.ContentType, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await AfterChangeAsync(material, ct);
        return new MaterialResult(material);
    }

    /// <summary>Removes the material and its versions' records; the stored bytes stay, as another material may share them.</summary>
    public async Task DeleteAsync(Material material, CancellationToken ct)
    {
        db.Materials.Remove(material);
        await db.SaveChangesAsync(ct);
        await ReindexAsync(material, ct);
        await cache.EvictAsync(ct);
    }

    private async Task<(StoredFile? File, FileKind? Kind, MaterialResult? Error)> StoreAsync(IFormFile file, CancellationToken ct)
    {
        try
        {
            await using var content = file.OpenReadStream();
            var (stored, kind) = await FileIntake.StoreAsync(store, content, file.FileName, storage.Value.MaxUploadBytes, ct);
            return (stored, kind, null);
        }
        catch (UnacceptedFileException e)
        {
            return (null, null, MaterialResult.Fail("File", e.Message));
        }
        catch (FileTooLargeException e)
        {
            return (null, null, MaterialResult.Fail("File", e.Message, tooLarge: true));
        }
    }

    private async Task AfterChangeAsync(Material material, CancellationToken ct)
    {
        if (material.FileHash is { } hash && material.ContentType == FileKinds.Pdf.ContentType
            && !await db.FileTexts.AnyAsync(t => t.Hash == hash, ct))
            jobs.Enqueue<ReadFileTextJob>(j => j.Run(hash, CancellationToken.None));
        await ReindexAsync(material, ct);
        await cache.EvictAsync(ct);
    }

    private async Task ReindexAsync(Material material, CancellationToken ct)
    {
        if (material.WorkshopId is { } w) await index.RebuildWorkshopAsync(w, ct);
        if (material.ArchivedEventId is { } e) await index.RebuildEventAsync(e, ct);
    }

    private async Task<int> NextPositionAsync(Guid eventId, CancellationToken ct) =>
        (await db.Materials.Where(m => m.ArchivedEventId == eventId).MaxAsync(m => (int?)m.Position, ct) ?? 0) + 1;
}
