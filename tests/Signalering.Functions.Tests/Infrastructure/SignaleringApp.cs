using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Signals;
using Signalering.Functions.Hosting;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// The real function app, in its local composition, on a per-test storage prefix in the shared Azurite. By default
/// the local queue and timer runners are off, so a test decides when functions run (calling the function classes,
/// as the worker would); <see cref="RunTriggersLocally"/> turns them on.
/// </summary>
public sealed class SignaleringApp : WebApplicationFactory<Program>
{
    public string Prefix { get; init; } = "t" + Guid.NewGuid().ToString("N")[..10];
    public Dictionary<string, string?> Settings { get; } = [];
    public bool RunTriggersLocally { get; init; }
    public FakeTimeProvider? Clock { get; init; }
    public string? ScriptRoot { get; init; }
    public string? ConnectionString { get; init; }
    /// <summary>Extra service registrations (telemetry exporters, log capture) applied after the app's own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }
    /// <summary>The hosting environment. Outside Development the app reads no appsettings.Development.json: the test supplies its secrets (random ones).</summary>
    public string Environment { get; init; } = "Development";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = ConnectionString ?? Azurite.Shared.ConnectionString,
            ["Storage:Prefix"] = Prefix,
            ["Functions:ScriptRoot"] = ScriptRoot ?? RepoRoot.Find(),
            ["Functions:RunTriggersLocally"] = RunTriggersLocally ? "true" : "false",
            ["Signals:LookupFloor"] = "00:00:00.050",
            ["Translator:Key"] = "",
            // Tests that send many reports from one test client are not about the abuse budgets (AbuseLimitTest is).
            ["AbuseLimits:SubmitsPerClient"] = "100000",
            ["AbuseLimits:SubmitsPerLocation"] = "100000",
            // Most tests follow a signal through the intake queue (the path with a translator); Durability/ sets it.
            ["Signals:RouteAtIntake"] = "false",
        };
        if (Environment != "Development")
        {
            string Secret() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            settings["Signals:TrackingCodeSecret"] = Secret();
            settings["QrTokens:ActiveKeyId"] = "k1";
            settings["QrTokens:Keys:k1"] = Secret();
            settings["Expertpool:PseudonymKey"] = Secret();
            settings["Site:PublicBaseUrl"] = "https://meldpunt.example";
        }
        foreach (var (key, value) in Settings) settings[key] = value;
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        // Also as host settings: those reach the configuration that the app reads while it registers its services.
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is not null) builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
        if (ExtraServices is not null) builder.ConfigureServices(ExtraServices);
    }

    public SignalTable Signals => Services.GetRequiredService<SignalTable>();

    public QueueClient Queue(string name) =>
        new(ConnectionString ?? Azurite.Shared.ConnectionString, Prefix + name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public QueueClient RawQueue(string name) => new(Azurite.Shared.ConnectionString, Prefix + name);

    public TableClient Table(string name) => new(ConnectionString ?? Azurite.Shared.ConnectionString, Prefix + name);

    /// <summary>Runs a queue function on one message, as the worker would: an instance of its class, the message text.</summary>
    public Task<FunctionRun> InvokeQueueFunctionAsync(string function, string message) => RunAsync(function, message);

    /// <summary>Runs a timer function once, not past due.</summary>
    public Task<FunctionRun> InvokeTimerAsync(string function) => RunAsync(function, new TimerInfo());

    private async Task<FunctionRun> RunAsync(string function, object trigger)
    {
        await using var scope = Services.CreateAsyncScope();
        try
        {
            await FunctionCatalog.Find(function).InvokeAsync(scope.ServiceProvider, trigger, CancellationToken.None);
            return new FunctionRun(function, null);
        }
        catch (Exception e) { return new FunctionRun(function, e); }
    }

    /// <summary>Delivers every message on a queue to its function, until the queue is empty.</summary>
    public async Task<int> DrainAsync(string queue, string function)
    {
        var q = Queue(queue);
        await q.CreateIfNotExistsAsync();
        var count = 0;
        for (var round = 0; round < 50; round++)
        {
            var messages = (await q.ReceiveMessagesAsync(32)).Value;
            if (messages.Length == 0) return count;
            foreach (var m in messages)
            {
                (await InvokeQueueFunctionAsync(function, m.Body.ToString())).EnsureSucceeded();
                await q.DeleteMessageAsync(m.MessageId, m.PopReceipt);
                count++;
            }
        }
        return count;
    }

    public async Task<List<JsonElement>> PeekOrganisationQueueAsync(string organisationId)
    {
        var q = Queue("org-" + organisationId);
        if (!await q.ExistsAsync()) return [];
        var messages = (await q.PeekMessagesAsync(32)).Value;
        return messages.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.Clone()).ToList();
    }

    /// <summary>Every message on an organisation's queue, however many (received and hidden for a while, so each is seen once).</summary>
    public async Task<List<JsonElement>> PeekAllAsync(string organisationId)
    {
        var q = Queue("org-" + organisationId);
        var all = new List<JsonElement>();
        if (!await q.ExistsAsync()) return all;
        while (true)
        {
            var batch = (await q.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0) return all;
            all.AddRange(batch.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.Clone()));
        }
    }

    public async Task<Signal> LoadAsync(string trackingCode)
    {
        Assert.True(TrackingCode.TryParse(trackingCode, out var code));
        var stored = await Signals.GetAsync(code, CancellationToken.None);
        Assert.NotNull(stored);
        return stored!.Signal;
    }

    /// <summary>How many signals are stored under this app's prefix (never counting their events or markers).</summary>
    public async Task<int> CountSignalsAsync()
    {
        var table = Table(SignalTable.TableName);
        var count = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.RowKey.CompareTo("sig|") >= 0 && e.RowKey.CompareTo("sig}") < 0, select: ["RowKey"]))
            if (!e.RowKey.Contains("|evt|", StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The organisation accepts and resolves the signal (what coordinators will do through their inbox).</summary>
    public async Task ResolveAsync(string trackingCode)
    {
        Assert.True(TrackingCode.TryParse(trackingCode, out var code));
        var stored = (await Signals.GetAsync(code, CancellationToken.None))!;
        var now = DateTimeOffset.UtcNow;
        stored.Signal.Accept(stored.Signal.OrganisationId!, now);
        stored.Signal.Resolve(stored.Signal.OrganisationId!, now);
        Assert.NotNull(await Signals.SaveAsync(stored, stored.Signal, [], [], now, CancellationToken.None));
    }

    /// <summary>A signed token of a seeded location (dev key), as printed on its poster.</summary>
    public string Token(string tokenId) => Services.GetRequiredService<Signalering.Domain.Locations.LocationTokens>().Sign(tokenId);
}

/// <summary>How a function run ended: as the host would record it, succeeded or failed with an exception.</summary>
public sealed record FunctionRun(string Function, Exception? Error)
{
    public bool Succeeded => Error is null;

    public void EnsureSucceeded()
    {
        if (Error is not null) throw new Xunit.Sdk.XunitException($"{Function} failed: {Error}");
    }
}

public static class CoordinatorClients
{
    /// <summary>A coordinator's action on a signal, as the inbox does it: read the detail for its ETag, then post with If-Match.</summary>
    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, string code, string action, object? body = null)
    {
        var detail = await client.GetAsync($"/api/inbox/signals/{code}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/{action}")
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body),
        };
        request.Headers.TryAddWithoutValidation("If-Match", detail.Headers.ETag!.ToString());
        return await client.SendAsync(request);
    }

    /// <summary>A client with a development bearer token for <paramref name="organisation"/>, as scripts/token.sh makes it.</summary>
    public static HttpClient Coordinator(this SignaleringApp app, string organisation, string role = Auth.Roles.Coordinator)
    {
        var key = app.Services.GetRequiredService<IConfiguration>()["Auth:DevSigningKey"]!;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            Auth.SignaleringAuth.CreateDevToken(key, role, organisation, $"test-{organisation}", TimeSpan.FromHours(1)));
        return client;
    }

    /// <summary>A technical administrator of the municipality (the admin app role), as the admin API requires.</summary>
    public static HttpClient Admin(this SignaleringApp app) => app.Coordinator("gemeente-regie", Auth.Roles.Admin);
}
