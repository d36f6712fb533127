using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Signalering.Domain.Locations;
using Signalering.Functions.Hosting;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>
/// The deployment package from scripts/publish.sh: what `func azure functionapp publish` would upload for an
/// isolated worker (the dotnet publish output with host.json, functions.metadata, worker.config.json, the host's
/// extensions), zipped. Started from the package, in Production, with secrets from app settings, it serves HTTP and
/// runs its queue functions (the local composition: no Functions host here).
/// </summary>
public sealed class PublishedPackageTest
{
    [Fact]
    public async Task Package_HoldsTheWorkerAndItsMetadata_AndRuns()
    {
        var package = Path.Combine(Path.GetTempPath(), "signalering-pkg-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var publish = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "scripts/publish.sh", package }, WorkingDirectory = RepoRoot.Find() })!;
            await publish.WaitForExitAsync();
            Assert.Equal(0, publish.ExitCode);
            foreach (var file in new[] { "host.json", "functions.metadata", "worker.config.json", "extensions.json", "Signalering.Functions.dll" })
                Assert.True(File.Exists(Path.Combine(package, file)), $"{file} missing from the package");
            Assert.True(Directory.Exists(Path.Combine(package, ".azurefunctions")), ".azurefunctions/ missing from the package");
            using (var zip = ZipFile.OpenRead(package + ".zip"))
                Assert.Contains(zip.Entries, e => e.FullName == "functions.metadata");
            using (var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(package, "functions.metadata"))))
                Assert.Equal(FunctionCatalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal),
                    metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));

            // Development secrets stay out of what is deployed.
            Assert.False(File.Exists(Path.Combine(package, "appsettings.Development.json")));
            var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
            var qrKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
            var psi = new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(package, "Signalering.Functions.dll") }, WorkingDirectory = package };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["Storage__ConnectionString"] = Azurite.Shared.ConnectionString;
            psi.Environment["Storage__Prefix"] = prefix;
            psi.Environment["Signals__TrackingCodeSecret"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());
            psi.Environment["Expertpool__PseudonymKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 3)).ToArray());
            psi.Environment["Site__PublicBaseUrl"] = "https://meldpunt.example";
            psi.Environment["QrTokens__ActiveKeyId"] = "k1";
            psi.Environment["QrTokens__Keys__k1"] = qrKey;
            using var app = HandlerProcess.Start(psi);
            await app.WaitUntilReadyAsync();

            var token = new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = Convert.FromBase64String(qrKey) }, "k1").Sign(Intakes.AzcMainBuilding);
            var submit = await app.Http.PostAsJsonAsync("/api/signals", new
            {
                locationToken = token, language = "uk", category = "wonen", subcategory = "wonen-vocht", text = "У кімнаті сиро",
                idempotencyKey = "published-package-0001",
            });
            Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
            var code = (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

            // ProcessSignal picks the message off signals-intake by itself and routes it to COA's queue.
            var org = new QueueClient(Azurite.Shared.ConnectionString, prefix + "org-coa-luttelgeest", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            Assert.True(await Eventually.Async(async () => await org.ExistsAsync() && (await org.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString().Contains(code))),
                "The signal was not routed to COA's queue.");
        }
        finally
        {
            if (Directory.Exists(package)) Directory.Delete(package, recursive: true);
            File.Delete(package + ".zip");
        }
    }
}
