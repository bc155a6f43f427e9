using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Storage;

namespace Workshops.Web.Features.Travel;

/// <summary>The files of an award: its receipts, and the award letter made on demand in the applicant's language.</summary>
public sealed class TravelFiles(AppDbContext db, IFileStore store, PackSource packs, TimeProvider clock)
{
    public async Task<IActionResult> ReceiptAsync(Guid applicationId, Guid receiptId, CancellationToken ct)
    {
        var receipt = await db.TravelReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == receiptId && r.ApplicationId == applicationId, ct);
        var stream = receipt is null ? null : store.OpenRead(receipt.FileHash);
        if (receipt is null || stream is null) return new NotFoundResult();
        return new FileStreamResult(stream, receipt.ContentType) { FileDownloadName = receipt.FileName };
    }

    /// <summary>The award letter, or null when there is no award to state.</summary>
    public async Task<IActionResult> LetterAsync(TravelView view, CancellationToken ct)
    {
        if (view.Application is not { Status: TravelStatus.Awarded } application) return new NotFoundResult();
        var content = await packs.ContentAsync(view.Workshop.Id, ct, lettersOnly: true);
        if (content is null) return new NotFoundResult();
        string funder;
        using (Tr.Use(application.Language)) funder = await TravelMail.FunderAsync(db, view.Fund, ct);
        var pdf = TravelLetter.Award(content, view.Registration, application, view.Fund, funder, clock.GetUtcNow());
        var slug = Core.Text.Slugs.From(view.Registration.Name);
        return new FileContentResult(pdf, "application/pdf") { FileDownloadName = $"{view.Workshop.Slug}-travel-award-{(slug.Length == 0 ? "participant" : slug)}.pdf" };
    }
}
