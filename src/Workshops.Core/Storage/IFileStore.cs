namespace Workshops.Core.Storage;

/// <summary>Files kept by the SHA-256 of their content, so an identical upload is stored once. No name given by a person ever reaches the file system.</summary>
public interface IFileStore
{
    /// <summary>
    /// Streams the content to a temporary file and moves it into place only when complete. More than
    /// <paramref name="maxBytes"/> stops the copy, removes what was written and throws <see cref="FileTooLargeException"/>.
    /// </summary>
    Task<StoredFile> PutAsync(Stream content, long maxBytes, CancellationToken ct);
    Stream? OpenRead(string hash);
    bool Exists(string hash);
    /// <summary>Every stored file, with its size and when it was last stored (storing the same bytes again renews it).</summary>
    IEnumerable<StoredFileEntry> List();
    /// <summary>When the file was last stored, or null when there is none.</summary>
    DateTimeOffset? StoredAt(string hash);
    /// <summary>Removes a stored file; false when there was none.</summary>
    bool Delete(string hash);
    /// <summary>Removes what an interrupted upload left in the temporary folder before <paramref name="olderThan"/>; answers how many.</summary>
    int ClearTemporary(DateTimeOffset olderThan);
    /// <summary>Writes and removes a probe file; used by the health check.</summary>
    Task<bool> IsWritableAsync(CancellationToken ct);
}

public sealed record StoredFile(string Hash, long Length);

public sealed class FileTooLargeException(long maxBytes)
    : Exception($"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB.")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>A file of the store as the sweep sees it.</summary>
public sealed record StoredFileEntry(string Hash, long Length, DateTimeOffset StoredAt);
