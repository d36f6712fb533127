using System.Text;
using Signalering.Domain.Intake;
using Signalering.Tests.Shared;

namespace Signalering.Domain.Tests.Intake;

public sealed class PhotoSanitiserTest
{
    [Fact]
    public void Jpeg_LosesExifAndComments_KeepsImageData()
    {
        var photo = PhotoSanitiser.Sanitise(TestImages.JpegWithGps());
        Assert.NotNull(photo);
        Assert.Equal("image/jpeg", photo.ContentType);
        var text = Encoding.ASCII.GetString(photo.Content);
        Assert.DoesNotContain("GPS", text);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("Fatima", text);
        Assert.Contains("JFIF", text);
        Assert.Contains("quantisation-table", text);
        Assert.Equal([0x11, 0x22, 0x33, 0xFF, 0xD9], photo.Content[^5..]);
    }

    [Fact]
    public void Png_LosesTextAndExifChunks()
    {
        var photo = PhotoSanitiser.Sanitise(TestImages.PngWithText());
        Assert.NotNull(photo);
        Assert.Equal("image/png", photo.ContentType);
        var text = Encoding.ASCII.GetString(photo.Content);
        Assert.DoesNotContain("Luttelgeest", text);
        Assert.DoesNotContain("GPS", text);
        Assert.Contains("IDATpixels", text);
        Assert.EndsWith("IEND\0\0\0\0", text);
    }

    [Fact]
    public void NotAnImage_TruncatedOrTooLarge_IsRefused()
    {
        Assert.Null(PhotoSanitiser.Sanitise(Encoding.ASCII.GetBytes("GIF89a not allowed")));
        Assert.Null(PhotoSanitiser.Sanitise(TestImages.JpegWithGps()[..20]));
        Assert.Null(PhotoSanitiser.Sanitise(TestImages.PngWithText()[..30]));
        var huge = new byte[PhotoSanitiser.MaxBytes + 1];
        TestImages.JpegWithGps().CopyTo(huge, 0);
        Assert.Null(PhotoSanitiser.Sanitise(huge));
        Assert.Null(PhotoSanitiser.Sanitise([]));
    }
}
