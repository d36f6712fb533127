namespace Signalering.Functions.Web;

/// <summary>QR codes as inline SVG, drawn here from the address alone: no image request, no third party.</summary>
public static class QrCodes
{
    /// <param name="level">Error correction: higher survives a torn or dirty poster, lower keeps a phone screen's code simple.</param>
    /// <param name="pixelsPerModule">Size of one square; CSS scales the SVG, so this only sets its own coordinates.</param>
    public static string Svg(string url, QRCoder.QRCodeGenerator.ECCLevel level = QRCoder.QRCodeGenerator.ECCLevel.L, int pixelsPerModule = 4)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(url, level);
        return new QRCoder.SvgQRCode(data).GetGraphic(pixelsPerModule, "#000000", "#ffffff", drawQuietZones: true);
    }
}
