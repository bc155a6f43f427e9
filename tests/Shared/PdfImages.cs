using System.Diagnostics;
using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace Workshops.Tests.Shared;

/// <summary>Pages of a PDF as pictures, the way a printer or a phone's camera sees them: rendered by poppler's pdftoppm.</summary>
public static class PdfImages
{
    /// <summary>Page <paramref name="page"/> (from 1) as PNG bytes at <paramref name="dpi"/>.</summary>
    public static byte[] RenderPage(byte[] pdf, int page, int dpi = 110)
    {
        var dir = Directory.CreateTempSubdirectory("pdf-page-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var prefix = Path.Combine(dir.FullName, "page");
            var start = new ProcessStartInfo("pdftoppm", ["-png", "-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile", input, prefix])
            {
                RedirectStandardError = true,
            };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm did not start (poppler-utils is installed by test.sh).");
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"pdftoppm failed: {errors}");
            return File.ReadAllBytes(prefix + ".png");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The text of every QR code found in the picture.</summary>
    public static IReadOnlyList<string> ReadQrCodes(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a picture.");
        using var rgba = bitmap.Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var reader = new ZXing.Multi.QrCode.QRCodeMultiReader();
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true };
        var results = reader.decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), hints);
        return results?.Select(r => r.Text).ToList() ?? [];
    }
}
