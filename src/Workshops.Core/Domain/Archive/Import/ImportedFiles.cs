using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Storage;

namespace Workshops.Core.Domain.Archive.Import;

/// <summary>
/// Stores a file an old site kept and attaches it to its material, within the import's total and each upload's size,
/// and points the file's old address at it. Both importers share one, so their files count against one total.
/// </summary>
public sealed class ImportedFiles(IFileStore store, IOptions<StorageOptions> storage, OldAddressBook addresses)
{
    /// <summary>Bytes the import may still store (see <see cref="ImportLimits.MaxTotalBytes"/>).</summary>
    public long Budget { get; set; } = ImportLimits.MaxTotalBytes;

    /// <summary>Returns the hash of a file whose words can be read, or null; refusals go to the report.</summary>
    /// <param name="keepAddress">An old address that leads somewhere already keeps its target (a file several events link to).</param>
    public async Task<string?> AttachAsync(Material material, Stream content, string fileName, string oldPath, bool keepAddress, string label,
        EventReport report, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            if (Budget <= 0)
            {
                report.Skipped.Add($"{label}: the file {fileName} was refused: the import has stored its {ImportLimits.Size(ImportLimits.MaxTotalBytes)} already.");
                return null;
            }
            var (stored, kind) = await FileIntake.StoreAsync(store, content, fileName, Math.Min(storage.Value.MaxUploadBytes, Budget), ct);
            Budget -= stored.Length;
            await addresses.PointAsync(oldPath, $"/materials/{material.Id}/file", ct, keepAddress);
            if (material.FileHash == stored.Hash) return null;
            material.AttachFile(stored.Hash, stored.Length, fileName, kind.ContentType, null, now);
            report.FilesStored++;
            return FileTextReader.Reads(kind) ? stored.Hash : null;
        }
        catch (Exception e) when (e is UnacceptedFileException or FileTooLargeException)
        {
            report.Skipped.Add($"{label}: the file {fileName} was refused: {e.Message}");
            return null;
        }
    }
}
