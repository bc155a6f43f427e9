using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Storage;

namespace Workshops.Web.Features.Travel;

/// <summary>An awardee uploads receipts (a PDF or a photo, checked by their content as every upload is) and removes one not yet approved.</summary>
public sealed class TravelReceiptDesk(AppDbContext db, IFileStore store, IOptions<StorageOptions> storage, TimeProvider clock)
{
    private static readonly FileKind[] Accepted = [FileKinds.Pdf, FileKinds.Png, FileKinds.Jpeg];

    public async Task<EditResult> UploadAsync(Guid registrationId, string userId, IFormFile? upload, CostKind? kind, CancellationToken ct)
    {
        var application = await db.TravelApplications.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == registrationId && a.ApplicantId == userId, ct);
        if (application is not { Status: TravelStatus.Awarded }) return EditResult.Fail(null, Tr.T("Receipts are uploaded for an award."));
        if (upload is null || upload.Length == 0) return EditResult.Fail("Receipt", Tr.T("Choose the receipt to upload: a PDF or a photo."));
        if (kind is { } k && application.Costs.All(c => c.Kind != k || !(c.AwardedMinor > 0)))
            return EditResult.Fail("ReceiptKind", Tr.T("Nothing was awarded for “{0}”.", k.Label()));
        if (await db.TravelReceipts.CountAsync(r => r.ApplicationId == application.Id, ct) >= TravelReceipt.MaxPerApplication)
            return EditResult.Fail("Receipt", Tr.T("An award takes at most {0} receipts; put several in one PDF.", TravelReceipt.MaxPerApplication));
        StoredFile stored;
        FileKind fileKind;
        try
        {
            await using var content = upload.OpenReadStream();
            (stored, fileKind) = await FileIntake.StoreAsync(store, content, upload.FileName, storage.Value.MaxUploadBytes, ct);
        }
        catch (UnacceptedFileException)
        {
            return EditResult.Fail("Receipt", Tr.T("Upload a receipt as a PDF or a photo (PNG or JPEG) whose content matches its name."));
        }
        catch (FileTooLargeException e)
        {
            return EditResult.Fail("Receipt", Tr.T("The file is larger than the limit of {0} MB.", e.MaxBytes / (1024 * 1024))) with { TooLarge = true };
        }
        if (!Accepted.Contains(fileKind)) return EditResult.Fail("Receipt", Tr.T("Upload a receipt as a PDF or a photo (PNG or JPEG) whose content matches its name."));
        var receipt = new TravelReceipt(application.Id, kind, upload.FileName, stored.Hash, fileKind.ContentType, stored.Length, clock.GetUtcNow());
        db.TravelReceipts.Add(receipt);
        await db.SaveChangesAsync(ct);
        return EditResult.Ok(receipt.Id);
    }

    /// <summary>A receipt uploaded by mistake goes, unless the cost it is for is already approved.</summary>
    public async Task<EditResult> RemoveAsync(Guid registrationId, string userId, Guid receiptId, CancellationToken ct)
    {
        var application = await db.TravelApplications.AsNoTracking().FirstOrDefaultAsync(a => a.RegistrationId == registrationId && a.ApplicantId == userId, ct);
        var receipt = application is null ? null : await db.TravelReceipts.FirstOrDefaultAsync(r => r.Id == receiptId && r.ApplicationId == application.Id, ct);
        if (receipt is null) return EditResult.Fail(null, Tr.T("This receipt no longer exists."));
        var approved = receipt.Kind is { } kind ? application!.Costs.Any(c => c.Kind == kind && c.ApprovedMinor is not null) : application!.Costs.Any(c => c.ApprovedMinor is not null);
        if (approved) return EditResult.Fail(null, Tr.T("The organisers have approved this cost against its receipts: the receipt stays."));
        db.TravelReceipts.Remove(receipt);
        await db.SaveChangesAsync(ct);
        return EditResult.Ok(receiptId);
    }
}
