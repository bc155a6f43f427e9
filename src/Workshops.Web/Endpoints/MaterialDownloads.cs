using System.Buffers;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Storage;
using Workshops.Web.Features.Materials;

namespace Workshops.Web.Endpoints;

/// <summary>
/// Material files, streamed from the store with ranges (resume), ETag and Last-Modified; the visibility is checked on
/// every request. A file is always an attachment, never run or shown as a page of this site.
/// </summary>
public static class MaterialDownloads
{
    public static void MapMaterialDownloads(this WebApplication app)
    {
        // "Listed": a workshop's materials are out while the workshop is (a draft, or taken back to draft); only
        // organisers reach them then, as on its materials page. Archived events are always public. Written inside
        // each query so the database answers it in the same statement.
        app.MapGet("/materials/{id:guid}/file", async (Guid id, HttpContext http, AppDbContext db, MaterialViewers viewers, IFileStore store, CancellationToken ct) =>
        {
            var m = await db.Materials.AsNoTracking().Where(x => x.Id == id && x.FileHash != null)
                .Select(x => new { x.Visibility, x.WorkshopId, x.FileHash, x.FileName, x.ContentType, x.FileUploadedAt, Listed = x.WorkshopId == null || db.Workshops.Any(w => w.Id == x.WorkshopId && WorkshopStatuses.Public.Contains(w.Status)) })
                .FirstOrDefaultAsync(ct);
            var viewer = await viewers.ForAsync(http.User, ct);
            if (m is null || (!m.Listed && !viewer.IsOrganiser)) return Results.NotFound();
            if (!viewer.CanSee(m.Visibility, m.WorkshopId)) return Refuse(viewer);
            return Send(http, store, m.FileHash!, m.FileName!, m.ContentType!, m.FileUploadedAt!.Value, m.Visibility);
        });

        // Earlier versions are for organisers: the speaker replaced them for a reason.
        app.MapGet("/materials/{id:guid}/versions/{number:int}", async (Guid id, int number, HttpContext http, AppDbContext db, MaterialViewers viewers,
            IFileStore store, CancellationToken ct) =>
        {
            var m = await db.Materials.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new { x.Visibility, x.WorkshopId, x.FileVersion, Listed = x.WorkshopId == null || db.Workshops.Any(w => w.Id == x.WorkshopId && WorkshopStatuses.Public.Contains(w.Status)) }).FirstOrDefaultAsync(ct);
            var file = m is null ? null : await db.MaterialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.MaterialId == id && f.Number == number, ct);
            var viewer = await viewers.ForAsync(http.User, ct);
            if (m is null || file is null || (!m.Listed && !viewer.IsOrganiser)) return Results.NotFound();
            var allowed = viewer.IsOrganiser || (number == m.FileVersion && viewer.CanSee(m.Visibility, m.WorkshopId));
            if (!allowed) return Refuse(viewer);
            return Send(http, store, file.Hash, file.FileName, file.ContentType, file.UploadedAt, MaterialVisibility.Organisers);
        });

        app.MapGet("/workshops/{slug}/materials.zip", async (string slug, HttpContext http, AppDbContext db, MaterialViewers viewers, MaterialCatalog catalog,
            IFileStore store, CancellationToken ct) =>
        {
            var viewer = await viewers.ForAsync(http.User, ct);
            var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Slug == slug, ct);
            if (workshop is null || (!workshop.IsPublic && !viewer.IsOrganiser)) return Results.NotFound();
            var sections = await catalog.ForWorkshopAsync(workshop, viewer, ct);
            return new MaterialsZip(slug, sections, store);
        });
    }

    private static IResult Refuse(MaterialViewer viewer) => viewer.UserId is null ? Results.Challenge() : Results.StatusCode(StatusCodes.Status403Forbidden);

    private static IResult Send(HttpContext http, IFileStore store, string hash, string fileName, string contentType, DateTimeOffset changed, MaterialVisibility visibility)
    {
        var stream = store.OpenRead(hash);
        if (stream is null) return Results.NotFound();
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Opened directly, a file still cannot run script as this site.
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        // Always asked again (an ETag makes that a 304): a file made organisers-only must stop being served at once.
        // Only public files may sit in shared caches; the others depend on who asks.
        headers.CacheControl = visibility == MaterialVisibility.Public ? "public, no-cache" : "private, no-cache";
        return Results.Stream(stream, contentType, SafeFileName.From(fileName), changed, new EntityTagHeaderValue($"\"{hash}\""), enableRangeProcessing: true);
    }
}

/// <summary>
/// Every file the viewer may see, in folders by day and session, written straight to the response: nothing is built
/// in memory or on disk first. Files are stored, not compressed again (slides and images are compressed already),
/// which also keeps the server's work to copying. Links go in a text file at the top.
/// </summary>
public sealed class MaterialsZip(string slug, IReadOnlyList<MaterialSection> sections, IFileStore store) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{SafeFileName.From(slug)}-materials.zip\"";
        http.Response.Headers.CacheControl = "private, no-cache";
        var root = SafeFileName.Folder(slug + " materials");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var links = new List<string>();
        var body = new ResponsePipeStream(http.Response.BodyWriter);
        await using var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        foreach (var section in sections)
        {
            foreach (var session in section.Sessions)
            {
                var folder = session.ItemId is null ? $"{root}/{SafeFileName.Folder(section.Folder)}"
                    : $"{root}/{SafeFileName.Folder(section.Folder)}/{SafeFileName.Folder((session.Time is null ? "" : session.Time.Replace(':', '-') + " ") + session.Title)}";
                foreach (var m in session.Materials)
                {
                    if (m.IsLink)
                    {
                        links.Add($"{session.Title}: {m.Title}\n  {m.Link}\n");
                        continue;
                    }
                    // A title kept without its file (an import whose file was missing) has nothing to add.
                    await using var content = m.FileHash is null ? null : store.OpenRead(m.FileHash);
                    if (content is null) continue;
                    var entry = zip.CreateEntry(Unique(names, folder, SafeFileName.From(m.FileName)), CompressionLevel.NoCompression);
                    entry.LastWriteTime = m.FileUploadedAt ?? m.UpdatedAt;
                    await using var target = await entry.OpenAsync(ct);
                    await content.CopyToAsync(target, ct);
                }
            }
        }
        if (links.Count > 0)
        {
            var entry = zip.CreateEntry($"{root}/Links.txt", CompressionLevel.Optimal);
            await using var target = await entry.OpenAsync(ct);
            await target.WriteAsync(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", links)), ct);
        }
    }

    private static string Unique(HashSet<string> names, string folder, string file)
    {
        var name = $"{folder}/{file}";
        for (var n = 2; !names.Add(name); n++)
            name = $"{folder}/{Path.GetFileNameWithoutExtension(file)} ({n}){Path.GetExtension(file)}";
        return name;
    }
}

/// <summary>
/// The response as a stream ZipArchive can write to. Some of its small writes (entry headers, the closing directory)
/// are still synchronous, which Kestrel refuses on the response body; here they only fill the pipe's buffer, and the
/// file contents go through the asynchronous path, which waits for the client (so memory stays flat).
/// </summary>
internal sealed class ResponsePipeStream(System.IO.Pipelines.PipeWriter writer) : Stream
{
    private long _written;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        writer.Write(buffer);
        _written += buffer.Length;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        var result = await writer.WriteAsync(buffer, ct);
        if (result.IsCanceled || result.IsCompleted) throw new OperationCanceledException("The client went away.");
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();
    public override Task FlushAsync(CancellationToken ct) => writer.FlushAsync(ct).AsTask();
    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
