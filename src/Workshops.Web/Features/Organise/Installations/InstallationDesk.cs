using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Installations;

/// <summary>Every change organisers make to the registry goes through here: one save per change, visitors' pages refreshed.</summary>
public sealed class InstallationDesk(AppDbContext db, TimeProvider clock, IOutputCacheStore pages, Core.Storage.IFileStore store)
{
    public async Task<EditResult> CreateAsync(InstallationForm form, CancellationToken ct)
    {
        try
        {
            var installation = Installation.Create(form.ToDetails(), clock.GetUtcNow());
            if (await SlugTakenAsync(installation.Slug, installation.Id, ct)) return SlugTaken(installation.Slug);
            db.Installations.Add(installation);
            return await SaveAsync(installation, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> UpdateAsync(Guid id, InstallationForm form, CancellationToken ct)
    {
        var installation = await db.Installations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (installation is null) return EditResult.Fail(null, Tr.T("This installation no longer exists."));
        try
        {
            if (await SlugTakenAsync(form.Slug?.Trim() ?? "", id, ct)) return SlugTaken(form.Slug!.Trim());
            db.Expect(installation, form.Version);
            installation.Update(form.ToDetails(), clock.GetUtcNow());
            return await SaveAsync(installation, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> DeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var installation = await db.Installations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (installation is null) return EditResult.Fail(null, Tr.T("This installation no longer exists."));
        db.Expect(installation, version);
        db.Installations.Remove(installation);
        return await SaveAsync(installation, ct);
    }

    /// <summary>The largest logo taken: a logo is shown small, and a photograph is not a logo.</summary>
    public const int MaxLogoBytes = 1024 * 1024;

    /// <summary>A new logo, PNG or JPEG, in place of the old; or none when <paramref name="file"/> is null.</summary>
    public async Task<EditResult> SetLogoAsync(Guid id, IFormFile? file, long? version, CancellationToken ct)
    {
        var installation = await db.Installations.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (installation is null) return EditResult.Fail(null, Tr.T("This installation no longer exists."));
        db.Expect(installation, version);
        if (file is null)
        {
            installation.SetLogo(null, null, clock.GetUtcNow());
            return await SaveAsync(installation, ct);
        }
        if (file.Length > MaxLogoBytes) return EditResult.Fail("Logo", Tr.T("The logo is larger than {0} MB; save it smaller.", MaxLogoBytes / 1024 / 1024)) with { TooLarge = true };
        try
        {
            await using var content = file.OpenReadStream();
            var (stored, kind) = await Core.Storage.FileIntake.StoreAsync(store, content, file.FileName, MaxLogoBytes, ct);
            // Only images a browser cannot run: no SVG, which may carry script.
            if (kind != Core.Storage.FileKinds.Png && kind != Core.Storage.FileKinds.Jpeg)
                return EditResult.Fail("Logo", Tr.T("A logo is a PNG or JPEG image."));
            installation.SetLogo(stored.Hash, kind.ContentType, clock.GetUtcNow());
            return await SaveAsync(installation, ct);
        }
        catch (Core.Storage.UnacceptedFileException)
        {
            return EditResult.Fail("Logo", Tr.T("A logo is a PNG or JPEG image."));
        }
        catch (Core.Storage.FileTooLargeException)
        {
            return EditResult.Fail("Logo", Tr.T("The logo is larger than {0} MB; save it smaller.", MaxLogoBytes / 1024 / 1024)) with { TooLarge = true };
        }
    }

    private Task<bool> SlugTakenAsync(string slug, Guid exceptId, CancellationToken ct) =>
        db.Installations.AnyAsync(i => i.Slug == slug && i.Id != exceptId, ct);

    private static EditResult SlugTaken(string slug) =>
        EditResult.Fail(nameof(InstallationForm.Slug), Tr.T("Another installation uses the address name '{0}' already; choose another.", slug));

    private async Task<EditResult> SaveAsync(Installation installation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await pages.EvictAsync(ct);
            return EditResult.Ok(installation.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Conflict(Tr.T("this installation"));
        }
        catch (DbUpdateException)
        {
            // Two organisers chose the same address name at once and the unique index caught it; anything else goes up.
            db.ChangeTracker.Clear();
            if (await SlugTakenAsync(installation.Slug, installation.Id, ct)) return SlugTaken(installation.Slug);
            throw;
        }
    }
}
