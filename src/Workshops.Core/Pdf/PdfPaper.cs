namespace Workshops.Core.Pdf;

public enum PaperSize
{
    A4,
    Letter,
}

/// <summary>A page's size and margins, in points (1/72 inch).</summary>
public sealed record PdfPaper(float Width, float Height, float Margin)
{
    public static readonly PdfPaper A4 = new(595.28f, 841.89f, 56f);
    public static readonly PdfPaper Letter = new(612f, 792f, 54f);

    public static PdfPaper For(PaperSize size) => size == PaperSize.Letter ? Letter : A4;

    public float ContentWidth => Width - 2 * Margin;
}
