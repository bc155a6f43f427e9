namespace Workshops.Core.Storage;

/// <summary>
/// The one way a file enters the store: its kind told from its first bytes and its name, then streamed in under
/// the size limit. A refused file leaves nothing behind.
/// </summary>
public static class FileIntake
{
    public static async Task<(StoredFile File, FileKind Kind)> StoreAsync(IFileStore store, Stream content, string fileName, long maxBytes, CancellationToken ct)
    {
        var head = new byte[FileKinds.HeadLength];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = await content.ReadAsync(head.AsMemory(filled), ct)) > 0) filled += read;
        if (filled == 0) throw new UnacceptedFileException("The file is empty.");
        var kind = FileKinds.Detect(head.AsSpan(0, filled), fileName)
            ?? throw new UnacceptedFileException($"“{Path.GetFileName(fileName)}” is not a file the site accepts, or its content does not match its name. Accepted: {FileKinds.Accepted}.");
        await using var whole = new PrefixedStream(head.AsMemory(0, filled), content);
        return (await store.PutAsync(whole, maxBytes, ct), kind);
    }
}

public sealed class UnacceptedFileException(string message) : Exception(message);

/// <summary>The bytes already read to tell the kind, then the rest of the original stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_prefix.IsEmpty) return await rest.ReadAsync(buffer, ct);
        var n = Math.Min(buffer.Length, _prefix.Length);
        _prefix[..n].CopyTo(buffer);
        _prefix = _prefix[n..];
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_prefix.IsEmpty) return rest.Read(buffer, offset, count);
        var n = Math.Min(count, _prefix.Length);
        _prefix[..n].Span.CopyTo(buffer.AsSpan(offset, n));
        _prefix = _prefix[n..];
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
