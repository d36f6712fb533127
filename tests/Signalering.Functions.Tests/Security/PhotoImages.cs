using System.Text;
using SkiaSharp;

namespace Signalering.Functions.Tests.Security;

/// <summary>Real pictures, made with SkiaSharp, carrying the metadata phones write: EXIF (orientation, a GPS block) and a comment.</summary>
public static class PhotoImages
{
    /// <summary>A <paramref name="width"/>×<paramref name="height"/> picture, left half red, right half blue.</summary>
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Blue);
            canvas.DrawRect(0, 0, width / 2f, height, new SKPaint { Color = SKColors.Red });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>
    /// A JPEG with an APP1 EXIF block right after its start: orientation <paramref name="orientation"/> (6: the camera
    /// was turned, rotate 90° clockwise to show it) and, after the IFD, GPS text; then a comment naming the resident.
    /// </summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation = 1)
    {
        var jpeg = Encode(width, height);
        var exif = new List<byte>();
        exif.AddRange("Exif\0\0"u8.ToArray());
        exif.AddRange([(byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]); // big-endian TIFF, IFD at 8
        exif.AddRange([0x00, 0x01]);                                              // one entry
        exif.AddRange([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00]);
        exif.AddRange([0x00, 0x00, 0x00, 0x00]);                                  // no next IFD
        exif.AddRange(Encoding.ASCII.GetBytes("GPSLatitude 52.69N GPSLongitude 5.74E"));
        var comment = Encoding.ASCII.GetBytes("taken by Fatima");
        var result = new List<byte> { 0xFF, 0xD8 };
        result.AddRange(Segment(0xE1, [.. exif]));
        result.AddRange(Segment(0xFE, comment));
        result.AddRange(jpeg.Skip(2));
        return [.. result];
    }

    private static byte[] Segment(byte marker, byte[] payload) =>
        [0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)((payload.Length + 2) & 0xFF), .. payload];
}
