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

/// <summary>Adds, changes and removes materials; every change re-indexes the archive search and refreshes visitors' pages.</summary>
public sealed class MaterialDesk(AppDbContext db, IFileStore store, IOptions<StorageOptions> storage, TimeProvider clock, ArchiveIndex index,
    IBackgroundJobClient jobs, IOutputCacheStore cache, Core.Webhooks.WebhookOutbox webhooks)
{
    public async Task<EditResult<Material>> CreateAsync(MaterialTarget target, MaterialDetails details, IFormFile? file, string? userId, CancellationToken ct)
    {
        if (details.Link is null && file is null) return EditResult<Material>.Fail("File", Tr.T("Choose a file to upload, or give a link."));
        if (details.Link is not null && file is not null) return EditResult<Material>.Fail("Link", Tr.T("A material is a file or a link, not both: add the other as a material of its own."));
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
            return EditResult<Material>.Refused(ex);
        }
        if (file is not null)
        {
            var stored = await StoreAsync(file, ct);
            if (stored.Error is not null) return stored.Error;
            material.AttachFile(stored.File!.Hash, stored.File.Length, file.FileName, stored.Kind!.ContentType, userId, clock.GetUtcNow());
        }
        db.Materials.Add(material);
        await webhooks.RaiseAsync(Core.Domain.Webhooks.WebhookEvents.MaterialAdded, target.Workshop?.Id, WebhookData.Material(material, target.Workshop?.Slug, target.Event?.Slug), ct);
        await db.SaveChangesAsync(ct);
        webhooks.Kick();
        await AfterChangeAsync(material, ct);
        return EditResult<Material>.Ok(material, material.Id);
    }

    public async Task<EditResult<Material>> EditAsync(Material material, MaterialDetails details, long? version, CancellationToken ct)
    {
        try
        {
            db.Expect(material, version);
            material.Edit(details, clock.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return EditResult<Material>.Refused(ex);
        }
        if (!await db.TrySaveAsync(ct)) return EditResult<Material>.Conflict(Tr.T("this material"));
        await AfterChangeAsync(material, ct);
        return EditResult<Material>.Ok(material, material.Id);
    }

    /// <summary>A new version of the file; the earlier ones stay for organisers.</summary>
    public async Task<EditResult<Material>> ReplaceFileAsync(Material material, IFormFile file, string? userId, CancellationToken ct)
    {
        if (material.IsLink) return EditResult<Material>.Fail("File", Tr.T("This material is a link; add a file as a material of its own."));
        var stored = await StoreAsync(file, ct);
        if (stored.Error is not null) return stored.Error;
        // The new version joins the tracked material's files; saving adds its row.
        material.AttachFile(stored.File!.Hash, stored.File.Length, file.FileName, stored.Kind!.ContentType, userId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await AfterChangeAsync(material, ct);
        return EditResult<Material>.Ok(material, material.Id);
    }

    /// <summary>Removes the material and its versions' records; the stored bytes stay, as another material may share them.</summary>
    public async Task DeleteAsync(Material material, CancellationToken ct)
    {
        db.Materials.Remove(material);
        await db.SaveChangesAsync(ct);
        await ReindexAsync(material, ct);
        await cache.EvictAsync(ct);
    }

    private async Task<(StoredFile? File, FileKind? Kind, EditResult<Material>? Error)> StoreAsync(IFormFile file, CancellationToken ct)
    {
        try
        {
            await using var content = file.OpenReadStream();
            var (stored, kind) = await FileIntake.StoreAsync(store, content, file.FileName, storage.Value.MaxUploadBytes, ct);
            return (stored, kind, null);
        }
        catch (UnacceptedFileException e)
        {
            return (null, null, EditResult<Material>.Fail("File", e.Message));
        }
        catch (FileTooLargeException e)
        {
            return (null, null, EditResult<Material>.Fail("File", e.Message) with { TooLarge = true });
        }
    }

    private async Task AfterChangeAsync(Material material, CancellationToken ct)
    {
        if (material.FileHash is { } hash && Core.Domain.Archive.FileTextReader.Readable.Contains(material.ContentType)
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
