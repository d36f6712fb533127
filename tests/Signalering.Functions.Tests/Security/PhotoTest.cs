using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using SkiaSharp;
using Signalering.Functions.Security;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Blobs;

namespace Signalering.Functions.Tests.Security;

/// <summary>Photos are decoded and made anew: upright, at most 2048 px, no metadata; anything that is not a picture is refused and nothing stored.</summary>
public sealed class PhotoTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    private static SKBitmap Decode(byte[] jpeg) => SKBitmap.Decode(jpeg) ?? throw new Xunit.Sdk.XunitException("Output does not decode.");

    [Fact]
    public void Reencode_JpegWithExif_DropsEveryMetadataBlock_AndTurnsItUpright()
    {
        var upload = PhotoImages.JpegWithExif(40, 20, orientation: 6);
        Assert.Contains("GPSLatitude", Encoding.ASCII.GetString(upload)); // the test input carries what must go

        var photo = PhotoReencoder.Reencode(upload)!;
        var text = Encoding.ASCII.GetString(photo.Content);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.DoesNotContain("GPS", text);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("Fatima", text);
        using var bitmap = Decode(photo.Content);
        Assert.Equal((20, 40), (bitmap.Width, bitmap.Height)); // turned a quarter clockwise: the left (red) half is now on top
        Assert.True(bitmap.GetPixel(10, 5).Red > 200 && bitmap.GetPixel(10, 5).Blue < 60, bitmap.GetPixel(10, 5).ToString());
        Assert.True(bitmap.GetPixel(10, 35).Blue > 200 && bitmap.GetPixel(10, 35).Red < 60, bitmap.GetPixel(10, 35).ToString());
    }

    [Theory]
    [InlineData(4000, 3000, SKEncodedImageFormat.Jpeg, 2048, 1536)]
    [InlineData(1200, 3000, SKEncodedImageFormat.Png, 819, 2048)]
    [InlineData(640, 480, SKEncodedImageFormat.Png, 640, 480)]
    public void Reencode_BoundsTheLongestSide(int width, int height, SKEncodedImageFormat format, int expectedWidth, int expectedHeight)
    {
        var photo = PhotoReencoder.Reencode(PhotoImages.Encode(width, height, format))!;
        using var bitmap = Decode(photo.Content);
        Assert.Equal((expectedWidth, expectedHeight), (bitmap.Width, bitmap.Height));
    }

    public static TheoryData<string, byte[]> NotPictures => new()
    {
        { "random bytes behind a JPEG header", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 % 251))] },
        { "JPEG blocks without a decodable scan", Signalering.Tests.Shared.TestImages.JpegWithGps() },
        { "PNG chunks without pixels", Signalering.Tests.Shared.TestImages.PngWithText() },
        { "a truncated JPEG", PhotoImages.Encode(64, 64)[..200] },
        { "a GIF", Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7") },
        { "HTML", "<html><script>alert(1)</script></html>"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotPictures))]
    public void Reencode_NotAPicture_IsRefused(string what, byte[] upload) => Assert.True(PhotoReencoder.Reencode(upload) is null, what);

    [Fact]
    public void Reencode_ClaimingMorePixelsThanAnyCamera_IsRefusedBeforeDecoding()
    {
        // A PNG header claiming 20000×20000 pixels (400 MP): a decompression bomb.
        var png = PhotoImages.Encode(8, 8, SKEncodedImageFormat.Png);
        png[16] = 0x00; png[17] = 0x00; png[18] = 0x4E; png[19] = 0x20; png[20] = 0x00; png[21] = 0x00; png[22] = 0x4E; png[23] = 0x20;
        Assert.Null(PhotoReencoder.Reencode(png));
    }

    private async Task<(string Action, string Key, HttpClient Client)> OpenFormAsync()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await client.GetStringAsync($"/r/{_app.Token(Intakes.AzcMainBuilding)}/so/wonen/wonen-vocht");
        return (WebUtility.HtmlDecode(Regex.Match(html, "<form id=\"report\"[^>]*action=\"([^\"]+)\"").Groups[1].Value),
            Regex.Match(html, "name=\"idempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value, client);
    }

    [Fact]
    public async Task Form_NotAPicture_AnswersTheFieldError_AsProblemJsonOrPage_AndStoresNothing()
    {
        var (action, key, client) = await OpenFormAsync();
        MultipartFormDataContent Form() => new()
        {
            { new StringContent(key), "idempotencyKey" },
            { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0 then anything at all"u8.ToArray()]), "photo", "IMG_0001.jpg" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = Form() };
        request.Headers.Accept.ParseAdd("application/json");
        var json = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("photo", out _));

        var page = await client.PostAsync(action, Form());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(Domain.Texts.ResidentTexts.Default.Get("so", "error.photo")), await page.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.CountSignalsAsync());
    }

    [Fact]
    public async Task Form_TwoPhotos_AreRefused_AndStoreNothing()
    {
        var (action, key, client) = await OpenFormAsync();
        var form = new MultipartFormDataContent
        {
            { new StringContent(key), "idempotencyKey" },
            { new ByteArrayContent(PhotoImages.Encode(20, 20)), "photo", "a.jpg" },
            { new ByteArrayContent(PhotoImages.Encode(20, 20)), "photo", "b.jpg" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(action, form)).StatusCode);
        Assert.Equal(0, await _app.CountSignalsAsync());
    }

    [Fact]
    public async Task Form_PhonePhoto_IsStoredReencoded_WithoutMetadata()
    {
        var (action, key, client) = await OpenFormAsync();
        var form = new MultipartFormDataContent
        {
            { new StringContent(key), "idempotencyKey" },
            { new ByteArrayContent(PhotoImages.JpegWithExif(3000, 4000, orientation: 6)), "photo", "IMG_0001.jpg" },
        };
        var response = await client.PostAsync(action, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = Regex.Match(response.Headers.Location!.ToString(), @"([^/?]+)(\?[^/]*)?$").Groups[1].Value; // the code ends the confirmation's address
        var name = Assert.Single((await _app.LoadAsync(code)).Attachments);
        var stored = (await new BlobContainerClient(Azurite.Shared.ConnectionString, _app.Prefix + AttachmentStore.ContainerName)
            .GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(stored));
        using var bitmap = Decode(stored);
        Assert.Equal((2048, 1536), (bitmap.Width, bitmap.Height));
    }
}
