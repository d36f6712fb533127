namespace Signalering.Domain.Intake;

/// <summary>
/// Checks that an uploaded photo is a JPEG or PNG within the size limit and removes every metadata block that can
/// hold a location or a name before anything is stored: JPEG APP1 (EXIF with GPS, XMP), APP13 (IPTC) and comments;
/// PNG eXIf and text chunks. Pixel data is copied untouched (no re-encoding, no image library). A photo taken
/// sideways may show rotated, because the orientation lived in the EXIF that is removed; privacy comes first.
/// </summary>
public static class PhotoSanitiser
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public sealed record Photo(byte[] Content, string ContentType);

    public static Photo? Sanitise(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0 || data.Length > MaxBytes) return null;
        if (data.Length > 4 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return Jpeg(data);
        if (data.Length > 8 && data[..8].SequenceEqual(PngSignature)) return Png(data);
        return null;
    }

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static Photo? Jpeg(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length) { 0xFF, 0xD8 };
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF) return null;
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker == 0xDA)
            {
                // Start of scan: the compressed image and everything after it are copied as they are.
                output.AddRange(data[i..].ToArray());
                return new Photo([.. output], "image/jpeg");
            }
            var length = (data[i + 2] << 8) | data[i + 3];
            if (length < 2 || i + 2 + length > data.Length) return null;
            var keep = marker switch
            {
                0xE1 or 0xED or 0xFE => false,  // EXIF/XMP, IPTC, comment
                >= 0xE3 and <= 0xEF and not 0xEE => false, // other application blocks: maker notes and the like
                _ => true,                       // JFIF (E0), ICC profile (E2), Adobe (EE), tables, frame headers
            };
            if (keep) output.AddRange(data.Slice(i, 2 + length).ToArray());
            i += 2 + length;
        }
        return null;
    }

    private static readonly HashSet<string> PngKeep = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs"];

    private static Photo? Png(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length);
        output.AddRange(PngSignature);
        var i = 8;
        var ended = false;
        while (i + 12 <= data.Length && !ended)
        {
            var length = (data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3];
            if (length < 0 || i + 12 + length > data.Length) return null;
            var type = System.Text.Encoding.ASCII.GetString(data.Slice(i + 4, 4));
            if (PngKeep.Contains(type)) output.AddRange(data.Slice(i, 12 + length).ToArray());
            ended = type == "IEND";
            i += 12 + length;
        }
        return ended ? new Photo([.. output], "image/png") : null;
    }
}
