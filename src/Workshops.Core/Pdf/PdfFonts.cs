using System.Reflection;
using SkiaSharp;

namespace Workshops.Core.Pdf;

public enum PdfWeight
{
    Regular,
    Bold,
    Italic,
}

/// <summary>The font family shipped in the assembly (Noto Sans, OFL), so PDFs look the same on every server.</summary>
public static class PdfFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("NotoSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> ItalicFace = new(() => Load("NotoSans-Italic.ttf"));

    public static SKTypeface Get(PdfWeight weight) => weight switch
    {
        PdfWeight.Bold => BoldFace.Value,
        PdfWeight.Italic => ItalicFace.Value,
        _ => RegularFace.Value,
    };

    private static SKTypeface Load(string file)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Workshops.Core.Pdf.Fonts." + file)
            ?? throw new InvalidOperationException($"Font {file} is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Font {file} could not be read.");
    }
}
