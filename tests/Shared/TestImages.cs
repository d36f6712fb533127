using System.Text;

namespace Signalering.Tests.Shared;

/// <summary>Small image files as phones write them, with the metadata that must never be stored (linked into several test projects).</summary>
internal static class TestImages
{
    /// <summary>A JPEG as phones write it: APP1 EXIF with a GPS block, APP0 JFIF, a comment, then the scan.</summary>
    public static byte[] JpegWithGps()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        void Segment(byte marker, string payload)
        {
            var p = Encoding.ASCII.GetBytes(payload);
            bytes.AddRange([0xFF, marker, (byte)((p.Length + 2) >> 8), (byte)((p.Length + 2) & 0xFF)]);
            bytes.AddRange(p);
        }
        Segment(0xE1, "Exif\0\0MM GPSLatitude 52.69N GPSLongitude 5.74E");
        Segment(0xE0, "JFIF\0\x01\x02");
        Segment(0xFE, "taken by Fatima");
        Segment(0xDB, "quantisation-table");
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x11, 0x22, 0x33, 0xFF, 0xD9]);
        return [.. bytes];
    }

    public static byte[] PngWithText()
    {
        var bytes = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        void Chunk(string type, string data)
        {
            var d = Encoding.ASCII.GetBytes(data);
            bytes.AddRange([(byte)(d.Length >> 24), (byte)(d.Length >> 16), (byte)(d.Length >> 8), (byte)d.Length]);
            bytes.AddRange(Encoding.ASCII.GetBytes(type));
            bytes.AddRange(d);
            bytes.AddRange([0, 0, 0, 0]); // CRC: not checked here
        }
        Chunk("IHDR", "0123456789abc");
        Chunk("tEXt", "Location\0AZC Luttelgeest room 12");
        Chunk("eXIf", "MM GPS");
        Chunk("IDAT", "pixels");
        Chunk("IEND", "");
        return [.. bytes];
    }

}
