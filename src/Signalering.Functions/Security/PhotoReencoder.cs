using SkiaSharp;
using Signalering.Domain.Intake;

namespace Signalering.Functions.Security;

/// <summary>
/// Turns an uploaded photo into a new JPEG made from its pixels alone: decoded (so a file that is no picture is
/// refused, whatever its first bytes say), turned upright by its EXIF orientation, scaled to at most
/// <see cref="MaxLongestSide"/> pixels on its longest side, and encoded again. No metadata block of the upload
/// survives, because none is copied: GPS position, camera serial, names, thumbnails. <see cref="PhotoSanitiser"/>
/// checks the container first (JPEG or PNG, within <see cref="PhotoSanitiser.MaxBytes"/>, well-formed blocks).
/// </summary>
public static class PhotoReencoder
{
    /// <summary>Enough to read a label or see a leak on a coordinator's screen; a phone's 12 MP photo is about 4000 px wide.</summary>
    public const int MaxLongestSide = 2048;

    /// <summary>More pixels than any phone camera writes into 5 MB: a larger claim is a decompression bomb, refused before decoding.</summary>
    public const long MaxSourcePixels = 60_000_000;

    public const int JpegQuality = 85;

    // The scales a JPEG decoder can apply while decoding (libjpeg-turbo: n/8), smallest first: a 48 MP photo never
    // needs 190 MB of pixels in memory when 2048 px is all that is kept.
    private static readonly float[] DecodeScales = [1 / 8f, 2 / 8f, 3 / 8f, 4 / 8f, 5 / 8f, 6 / 8f, 7 / 8f, 1f];

    /// <returns>The new JPEG, or null when the upload is not a JPEG or PNG picture that decodes completely.</returns>
    public static PhotoSanitiser.Photo? Reencode(byte[] upload)
    {
        if (PhotoSanitiser.Sanitise(upload) is null) return null;
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png)) return null;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxSourcePixels) return null;

        var longest = Math.Max(width, height);
        var wanted = Math.Min(longest, MaxLongestSide);
        var size = DecodeScales.Select(codec.GetScaledDimensions).First(s => Math.Max(s.Width, s.Height) >= wanted);
        using var decoded = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success) return null;

        var scale = (float)wanted / Math.Max(size.Width, size.Height);
        var (w, h) = (Math.Max(1, (int)Math.Round(size.Width * scale)), Math.Max(1, (int)Math.Round(size.Height * scale)));
        using var upright = Orient(decoded, codec.EncodedOrigin, w, h);
        using var image = SKImage.FromBitmap(upright);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return jpeg is null ? null : new PhotoSanitiser.Photo(jpeg.ToArray(), "image/jpeg");
    }

    /// <summary>
    /// Draws <paramref name="source"/> scaled to <paramref name="w"/>×<paramref name="h"/> and turned as its EXIF
    /// origin says (the EXIF itself is not kept), on white: a transparent PNG becomes an opaque JPEG.
    /// </summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin, int w, int h)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (outW, outH) = swap ? (h, w) : (w, h);
        var target = new SKBitmap(new SKImageInfo(outW, outH, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.White);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(outW, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(outW, outH); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, outH); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.Scale(-1, 1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(outW, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(outW, outH); canvas.Scale(1, -1); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, outH); canvas.RotateDegrees(270); break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, new SKRect(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        return target;
    }
}
