using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;

namespace Workshops.Core.Domain.Archive;

/// <summary>
/// Reads the words inside a stored PDF (PdfPig), slides, document or spreadsheet (<see cref="OfficeText"/>) so search finds a talk by what its slides say. The caller re-indexes
/// what holds the file: once per file for an upload, once per event for an import.
/// </summary>
public sealed class FileTextReader(AppDbContext db, IFileStore store, TimeProvider clock, ILogger<FileTextReader> log,
    Microsoft.Extensions.Options.IOptions<StorageOptions> options)
{
    /// <summary>Whether the words of files of this kind are read for search.</summary>
    public static bool Reads(FileKind kind) => Readable.Contains(kind.ContentType);

    /// <summary>The content types whose words are read: PDFs, and slides, documents and spreadsheets (see <see cref="OfficeText"/>).</summary>
    public static readonly string[] Readable = [FileKinds.Pdf.ContentType, .. OfficeText.Kinds.Select(k => k.ContentType)];

    /// <summary>True when the text was read now (and the holders' search rows need rebuilding).</summary>
    public async Task<bool> ReadAsync(string hash, CancellationToken ct)
    {
        if (await db.FileTexts.AnyAsync(t => t.Hash == hash, ct)) return false;
        var type = await db.Materials.Where(m => m.FileHash == hash && Readable.Contains(m.ContentType)).Select(m => m.ContentType).FirstOrDefaultAsync(ct);
        if (type is null) return false;
        string text;
        string? problem;
        int pages;
        // A file gone from the store gets a row saying so: the sweep would otherwise look for it forever.
        await using (var stream = store.OpenRead(hash))
            (text, pages, problem) = stream is null ? ("", 0, "The file is missing from the store.") : await ReadBoundedAsync(stream, hash, type, ct);
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

    /// <summary>
    /// Reads at most Storage:PdfTextMaxPages pages for at most Storage:PdfTextMaxSeconds. PdfPig cannot be stopped
    /// inside a page, so the reading runs apart and the worker stops waiting at the deadline; the reader itself
    /// stops at its next page.
    /// </summary>
    private async Task<(string Text, int Pages, string? Problem)> ReadBoundedAsync(Stream stream, string hash, string contentType, CancellationToken ct)
    {
        var limits = options.Value;
        var budget = TimeSpan.FromSeconds(limits.PdfTextMaxSeconds);
        using var stop = new CancellationTokenSource();
        var reading = Task.Run(() => contentType == FileKinds.Pdf.ContentType
            ? Read(stream, hash, limits.PdfTextMaxPages, budget, stop.Token)
            : ReadOffice(stream, hash, contentType, limits.PdfTextMaxPages, budget, stop.Token), CancellationToken.None);
        try
        {
            // A little past the reader's own budget: between pages it stops by itself and says how far it got.
            return await reading.WaitAsync(budget + TimeSpan.FromSeconds(5), ct);
        }
        catch (TimeoutException)
        {
            await stop.CancelAsync();
            log.LogWarning("Reading the text of file {Hash} took longer than {Seconds} s; the worker moved on", hash, limits.PdfTextMaxSeconds);
            return ("", 0, $"Reading its text took longer than {limits.PdfTextMaxSeconds} seconds: it was stopped, and the file is not searched by its words.");
        }
    }

    private (string Text, int Pages, string? Problem) Read(Stream stream, string hash, int maxPages, TimeSpan budget, CancellationToken stop)
    {
        var text = new StringBuilder();
        var pages = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            // PdfPig seeks about the file as it reads; the store's stream is unbuffered, so it gets a buffer of its own.
            using var document = PdfDocument.Open(new BufferedStream(stream, 64 * 1024));
            string? cut = null;
            foreach (var page in document.GetPages())
            {
                if (pages >= maxPages) { cut = $"Only its first {maxPages:N0} pages (of {document.NumberOfPages:N0}) are searched."; break; }
                if (stop.IsCancellationRequested || started.Elapsed > budget)
                {
                    cut = $"Reading its text was stopped after {budget.TotalSeconds:0} seconds, at page {pages:N0} of {document.NumberOfPages:N0}.";
                    break;
                }
                pages++;
                text.AppendLine(string.Join(' ', page.GetWords().Select(w => w.Text)));
                if (text.Length >= FileText.MaxLength) break;
            }
            var problem = cut ?? (text.ToString().Trim().Length == 0 ? "The PDF has no text layer (scanned pages?)." : null);
            return (text.ToString(), pages, problem);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "No text could be read from file {Hash}", hash);
            var problem = "The PDF could not be read: " + e.Message;
            return (text.ToString(), pages, problem.Length > 500 ? problem[..500] : problem);
        }
    }

    private (string Text, int Pages, string? Problem) ReadOffice(Stream stream, string hash, string contentType, int maxPages, TimeSpan budget, CancellationToken stop)
    {
        try
        {
            // The SDK seeks about the ZIP; the store's stream may not, so a file of its own is used, gone once read.
            using var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            stream.CopyTo(copy);
            copy.Position = 0;
            return OfficeText.Read(copy, contentType, maxPages, budget, stop);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "No text could be read from file {Hash}", hash);
            var problem = "The file could not be read: " + e.Message;
            return ("", 0, problem.Length > 500 ? problem[..500] : problem);
        }
    }

    /// <summary>PDFs whose text was never read (a restart between upload and job): the sweep's work list.</summary>
    public Task<List<string>> UnreadAsync(CancellationToken ct) => db.Materials
        .Where(m => m.FileHash != null && Readable.Contains(m.ContentType) && !db.FileTexts.Any(t => t.Hash == m.FileHash))
        .Select(m => m.FileHash!).Distinct().Take(100).ToListAsync(ct);
}
