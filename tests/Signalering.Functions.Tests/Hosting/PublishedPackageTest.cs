using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Signalering.Domain.Locations;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>
/// The deployment package from scripts/publish.sh, started the way the Functions host starts it: the self-contained
/// handler executable in handler/ (host.json's workingDirectory), in Production, port from FUNCTIONS_CUSTOMHANDLER_PORT,
/// secrets from app settings. It must find host.json and its function folders by itself and serve HTTP and queue
/// invocations.
/// </summary>
public sealed class PublishedPackageTest
{
    [Fact]
    public async Task Package_StartedAsTheHostStartsIt_ServesHttpAndQueueInvocations()
    {
        var package = Path.Combine(Path.GetTempPath(), "signalering-pkg-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var publish = Process.Start(new ProcessStartInfo("bash") { ArgumentList = { "scripts/publish.sh", package }, WorkingDirectory = RepoRoot.Find() })!;
            await publish.WaitForExitAsync();
            Assert.Equal(0, publish.ExitCode);
            Assert.True(File.Exists(package + ".zip"));
            Assert.True(File.Exists(Path.Combine(package, "host.json")));
            foreach (var folder in Directory.GetDirectories(Path.Combine(RepoRoot.Find(), "functions")))
                Assert.True(File.Exists(Path.Combine(package, Path.GetFileName(folder), "function.json")), $"{folder} missing from the package");

            var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
            var qrKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
            var psi = new ProcessStartInfo(Path.Combine(package, "handler", "Signalering.Functions")) { WorkingDirectory = Path.Combine(package, "handler") };
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["Storage__ConnectionString"] = Azurite.Shared.ConnectionString;
            psi.Environment["Storage__Prefix"] = prefix;
            psi.Environment["Signals__TrackingCodeSecret"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());
            psi.Environment["Expertpool__PseudonymKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 5 + 3)).ToArray());
            psi.Environment["QrTokens__ActiveKeyId"] = "k1";
            psi.Environment["QrTokens__Keys__k1"] = qrKey;
            using (var handler = HandlerProcess.Start(psi))
            {
                var http = handler.Http;
                await handler.WaitUntilReadyAsync();

                // An HTTP function as the host proxies it.
                var token = new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = Convert.FromBase64String(qrKey) }, "k1").Sign(Intakes.AzcMainBuilding);
                var submit = await http.PostAsJsonAsync("/api/signals", new
                {
                    locationToken = token, language = "uk", category = "wonen", subcategory = "wonen-vocht", text = "У кімнаті сиро",
                    idempotencyKey = "published-package-0001",
                });
                Assert.Equal(HttpStatusCode.Accepted, submit.StatusCode);
                var code = (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;

                // The queue invocation, with the message the intake put on the queue, as the host would post it.
                var intake = new QueueClient(Azurite.Shared.ConnectionString, prefix + "signals-intake", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
                var message = Assert.Single((await intake.ReceiveMessagesAsync(32)).Value);
                var invocation = await http.PostAsJsonAsync("/ProcessSignal", new
                {
                    Data = new { message = message.Body.ToString() },
                    Metadata = new { DequeueCount = 1, Id = message.MessageId, sys = new { MethodName = "ProcessSignal" } },
                });
                Assert.Equal(HttpStatusCode.OK, invocation.StatusCode);
                var org = new QueueClient(Azurite.Shared.ConnectionString, prefix + "org-coa-luttelgeest", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
                var routed = Assert.Single((await org.PeekMessagesAsync(32)).Value);
                Assert.Contains(code, routed.Body.ToString());
            }
        }
        finally
        {
            if (Directory.Exists(package)) Directory.Delete(package, recursive: true);
            File.Delete(package + ".zip");
        }
    }
}
