using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;

namespace Workshops.Core.Archive;

/// <summary>
/// Reads the words inside a stored PDF (PdfPig) so search finds a talk by what its slides say. The caller re-indexes
/// what holds the file: once per file for an upload, once per event for an import.
/// </summary>
public sealed class FileTextReader(AppDbContext db, IFileStore store, TimeProvider clock, ILogger<FileTextReader> log)
{
    /// <summary>True when the text was read now (and the holders' search rows need rebuilding).</summary>
    public async Task<bool> ReadAsync(string hash, CancellationToken ct)
    {
        if (await db.FileTexts.AnyAsync(t => t.Hash == hash, ct)) return false;
        var pdf = await db.Materials.AnyAsync(m => m.FileHash == hash && m.ContentType == FileKinds.Pdf.ContentType, ct);
        if (!pdf) return false;
        string text;
        string? problem;
        int pages;
        // A file gone from the store gets a row saying so: the sweep would otherwise look for it forever.
        await using (var stream = store.OpenRead(hash))
            (text, pages, problem) = stream is null ? ("", 0, "The file is missing from the store.") : Read(stream, hash);
        db.FileTexts.Add(FileText.Of(hash, text, pages, problem, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another worker read the same file first; anything else is a real failure for Hangfire to retry.
            db.ChangeTracker.Clear();
            if (await db.FileTexts.AnyAsync(t => t.Hash == hash, ct)) return false;
            throw;
        }
        return true;
    }

    private (string Text, int Pages, string? Problem) Read(Stream stream, string hash)
    {
        var text = new StringBuilder();
        var pages = 0;
        try
        {
            // PdfPig seeks about the file as it reads; the store's stream is unbuffered, so it gets a buffer of its own.
            using var document = PdfDocument.Open(new BufferedStream(stream, 64 * 1024));
            foreach (var page in document.GetPages())
            {
                pages++;
                text.AppendLine(string.Join(' ', page.GetWords().Select(w => w.Text)));
                if (text.Length >= FileText.MaxLength) break;
            }
            return (text.ToString(), pages, text.ToString().Trim().Length == 0 ? "The PDF has no text layer (scanned pages?)." : null);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "No text could be read from file {Hash}", hash);
            var problem = "The PDF could not be read: " + e.Message;
            return (text.ToString(), pages, problem.Length > 500 ? problem[..500] : problem);
        }
    }

    /// <summary>PDFs whose text was never read (a restart between upload and job): the sweep's work list.</summary>
    public Task<List<string>> UnreadAsync(CancellationToken ct) => db.Materials
        .Where(m => m.FileHash != null && m.ContentType == FileKinds.Pdf.ContentType && !db.FileTexts.Any(t => t.Hash == m.FileHash))
        .Select(m => m.FileHash!).Distinct().Take(100).ToListAsync(ct);
}
