using System.Security.Cryptography;

namespace Workshops.Core.Storage;

public sealed class LocalFileStore(string root) : IFileStore
{
    public string Root { get; } = root;

    public async Task<StoredFile> PutAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.Combine(Root, "tmp"));
        var temp = Path.Combine(Root, "tmp", Guid.NewGuid().ToString("N"));
        string hash;
        long length = 0;
        try
        {
            await using var file = File.Create(temp);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                length += read;
                // Checked while streaming: an upload over the limit never fills the disk before it is refused.
                if (length > maxBytes) throw new FileTooLargeException(maxBytes);
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        var target = PathOf(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temp);
            // The same bytes stored again: renewed, so the sweep's grace period starts over for the row about to refer to it.
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        }
        else File.Move(temp, target, overwrite: true);
        return new StoredFile(hash, length);
    }

    // Unbuffered (bufferSize 1): a download's copy loop has its own buffer, and a second one would only add a copy.
    public Stream? OpenRead(string hash) => Exists(hash)
        ? new FileStream(PathOf(hash), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan)
        : null;

    public bool Exists(string hash) => IsHash(hash) && File.Exists(PathOf(hash));

    public IEnumerable<StoredFileEntry> List()
    {
        if (!Directory.Exists(Root)) yield break;
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(path);
            if (!IsHash(name) || path != PathOf(name)) continue; // tmp/ and anything that is not a stored file
            var info = new FileInfo(path);
            if (info.Exists) yield return new StoredFileEntry(name, info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
        }
    }

    public DateTimeOffset? StoredAt(string hash) =>
        Exists(hash) ? new DateTimeOffset(File.GetLastWriteTimeUtc(PathOf(hash)), TimeSpan.Zero) : null;

    public bool Delete(string hash)
    {
        if (!Exists(hash)) return false;
        File.Delete(PathOf(hash));
        return true;
    }

    public int ClearTemporary(DateTimeOffset olderThan)
    {
        var folder = Path.Combine(Root, "tmp");
        if (!Directory.Exists(folder)) return 0;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => File.GetLastWriteTimeUtc(f) < olderThan.UtcDateTime))
        {
            try
            {
                File.Delete(file);
                removed++;
            }
            catch (IOException)
            {
                // Still being written: the next sweep gets it.
            }
        }
        return removed;
    }

    public async Task<bool> IsWritableAsync(CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(Path.Combine(Root, "tmp"));
            var probe = Path.Combine(Root, "tmp", "health-" + Guid.NewGuid().ToString("N"));
            await File.WriteAllTextAsync(probe, "ok", ct);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    // Two levels of fan-out keep any one folder small.
    private string PathOf(string hash) => Path.Combine(Root, hash[..2], hash[2..4], hash);

    private static bool IsHash(string hash) => hash.Length == 64 && hash.All(Uri.IsHexDigit);
}
