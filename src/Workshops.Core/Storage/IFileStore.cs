namespace Workshops.Core.Storage;

/// <summary>Files kept by the SHA-256 of their content, so an identical upload is stored once.</summary>
public interface IFileStore
{
    Task<StoredFile> PutAsync(Stream content, CancellationToken ct);
    Stream? OpenRead(string hash);
    bool Exists(string hash);
    /// <summary>Writes and removes a probe file; used by the health check.</summary>
    Task<bool> IsWritableAsync(CancellationToken ct);
}

public sealed record StoredFile(string Hash, long Length);
