using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;

namespace Workshops.Core.Archive;

/// <summary>Reads the words inside a stored PDF (PdfPig) so search finds a talk by what its slides say, then re-indexes its holders.</summary>
public sealed class FileTextReader(AppDbContext db, IFileStore store, ArchiveIndex index, TimeProvider clock, ILogger<FileTextReader> log)
{
    public async Task ReadAsync(string hash, CancellationToken ct)
    {
        if (await db.FileTexts.AnyAsync(t => t.Hash == hash, ct)) return;
        var pdf = await db.Materials.AnyAsync(m => m.FileHash == hash && m.ContentType == FileKinds.Pdf.ContentType, ct);
        await using var stream = pdf ? store.OpenRead(hash) : null;
        if (stream is null) return;
        var text = new StringBuilder();
        var pages = 0;
        string? problem = null;
        try
        {
            // PdfPig wants the whole file; slides of a few MB are fine, and the upload limit bounds the rest.
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            using var document = PdfDocument.Open(buffer.ToArray());
            foreach (var page in document.GetPages())
            {
                pages++;
                text.AppendLine(string.Join(' ', page.GetWords().Select(w => w.Text)));
                if (text.Length >= FileText.MaxLength) break;
            }
            if (text.ToString().Trim().Length == 0) problem = "The PDF has no text layer (scanned pages?).";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "No text could be read from file {Hash}", hash);
            problem = "The PDF could not be read: " + e.Message;
            if (problem.Length > 500) problem = problem[..500];
        }
        db.FileTexts.Add(FileText.Of(hash, text.ToString(), pages, problem, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another worker read the same file first; anything else is a real failure for Hangfire to retry.
            db.ChangeTracker.Clear();
            if (await db.FileTexts.AnyAsync(t => t.Hash == hash, ct)) return;
            throw;
        }
        await index.RebuildHoldersOfAsync(hash, ct);
    }

    /// <summary>PDFs whose text was never read (a restart between upload and job): the sweep's work list.</summary>
    public Task<List<string>> UnreadAsync(CancellationToken ct) => db.Materials
        .Where(m => m.FileHash != null && m.ContentType == FileKinds.Pdf.ContentType && !db.FileTexts.Any(t => t.Hash == m.FileHash))
        .Select(m => m.FileHash!).Distinct().Take(100).ToListAsync(ct);
}
