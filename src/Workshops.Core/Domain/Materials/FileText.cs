namespace Workshops.Core.Domain.Materials;

/// <summary>
/// The text inside a stored file (a PDF's words), for search. Kept by content hash, like the file itself, so a file
/// uploaded twice is read once.
/// </summary>
public sealed class FileText
{
    /// <summary>Enough to find a talk by any word in it, and bounded so one huge document cannot swell the index.</summary>
    public const int MaxLength = 200_000;

    public string Hash { get; private set; } = "";
    public string Text { get; private set; } = "";
    public int Pages { get; private set; }
    /// <summary>Why no text could be read, if so (a scanned or damaged PDF).</summary>
    public string? Problem { get; private set; }
    public DateTimeOffset ExtractedAt { get; private set; }

    private FileText() { }

    public static FileText Of(string hash, string text, int pages, string? problem, DateTimeOffset now) => new()
    {
        Hash = hash,
        Text = text.Length > MaxLength ? text[..MaxLength] : text,
        Pages = pages,
        Problem = problem,
        ExtractedAt = now,
    };
}
