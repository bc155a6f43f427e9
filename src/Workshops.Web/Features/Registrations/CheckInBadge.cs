using QRCoder;

namespace Workshops.Web.Features.Registrations;

/// <summary>The QR code of a check-in code, as a data address an img element shows without another request.</summary>
public static class CheckInBadge
{
    public static string DataUri(string code)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(code, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }
}
