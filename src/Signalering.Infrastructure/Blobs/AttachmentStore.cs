using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Signalering.Domain.Signals;

namespace Signalering.Infrastructure.Blobs;

/// <summary>
/// Residents' photos in the private <c>attachments</c> container, one folder per signal
/// (<c>{code}/{random}.jpg</c>). Only sanitised images are stored (see PhotoSanitiser): no EXIF, so no GPS position.
/// </summary>
public sealed class AttachmentStore(StorageClients clients)
{
    public const string ContainerName = "attachments";
    private readonly Lazy<Task<BlobContainerClient>> _container = new(async () =>
    {
        var container = clients.Container(ContainerName);
        await container.CreateIfNotExistsAsync(PublicAccessType.None);
        return container;
    });

    public async Task<string> SaveAsync(TrackingCode code, byte[] content, string contentType, CancellationToken ct)
    {
        var extension = contentType == "image/png" ? "png" : "jpg";
        var name = $"{code.Value}/{Guid.NewGuid():N}.{extension}";
        var blob = (await _container.Value).GetBlobClient(name);
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, ct);
        return name;
    }

    /// <summary>
    /// Deletes every photo of a signal: all blobs under its folder, so a photo stored but never recorded on the
    /// signal (a save that kept conflicting) goes too. Returns how many were deleted; none left is no error.
    /// </summary>
    public async Task<int> DeleteAllAsync(TrackingCode code, CancellationToken ct)
    {
        var container = await _container.Value;
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = code.Value + "/" }, ct))
            if ((await container.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct)).Value) deleted++;
        return deleted;
    }

    public async Task<byte[]?> ReadAsync(string name, CancellationToken ct)
    {
        var blob = (await _container.Value).GetBlobClient(name);
        if (!await blob.ExistsAsync(ct)) return null;
        return (await blob.DownloadContentAsync(ct)).Value.Content.ToArray();
    }
}
