using System.Text;

namespace Workshops.Core.Storage;

/// <summary>A kind of file the site accepts, as its content shows it; the name's extension must agree.</summary>
public sealed record FileKind(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>
/// Tells what a file is from its first bytes, not from its name: a script renamed slides.pdf is refused. Office and
/// OpenDocument files are ZIP containers, so for them the content says "ZIP" and the extension says which one.
/// </summary>
public static class FileKinds
{
    public static readonly FileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly FileKind Png = new("PNG image", "image/png", [".png"]);
    public static readonly FileKind Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly FileKind Text = new("plain text", "text/plain; charset=utf-8", [".txt", ".md", ".csv"]);
    public static readonly FileKind Zip = new("ZIP archive", "application/zip", [".zip"]);
    public static readonly FileKind Pptx = new("PowerPoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"]);
    public static readonly FileKind Docx = new("Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly FileKind Xlsx = new("Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly FileKind Odp = new("OpenDocument presentation", "application/vnd.oasis.opendocument.presentation", [".odp"]);
    public static readonly FileKind Odt = new("OpenDocument text", "application/vnd.oasis.opendocument.text", [".odt"]);

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static readonly FileKind[] ZipBased = [Zip, Pptx, Docx, Xlsx, Odp, Odt];

    public static readonly IReadOnlyList<FileKind> All = [Pdf, Png, Jpeg, Text, .. ZipBased];

    /// <summary>What the accepted kinds are, for messages and the upload form's hint.</summary>
    public static string Accepted => "PDF, ODP, ODT, PPTX, DOCX, XLSX, ZIP, PNG, JPEG or plain text";

    /// <summary>How many first bytes <see cref="Detect"/> needs to decide.</summary>
    public const int HeadLength = 4096;

    /// <summary>The kind the bytes and the name agree on, or null when they do not or the kind is not accepted.</summary>
    public static FileKind? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        FileKind? byContent =
            head.StartsWith("%PDF-"u8) ? Pdf
            : head.StartsWith(PngSignature) ? Png
            : head.StartsWith(JpegSignature) ? Jpeg
            : head.StartsWith("PK\u0003\u0004"u8) ? Zip
            : IsText(head) ? Text
            : null;
        if (byContent is null) return null;
        if (byContent == Zip) return ZipBased.FirstOrDefault(k => k.Extensions.Contains(extension));
        return byContent.Extensions.Contains(extension) ? byContent : null;
    }

    /// <summary>Text is valid UTF-8 without control characters other than tabs and line ends (a cut multi-byte character at the end is fine).</summary>
    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty) return false;
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r')) return false;
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var chars = new char[head.Length];
        try
        {
            decoder.GetChars(head, chars, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
