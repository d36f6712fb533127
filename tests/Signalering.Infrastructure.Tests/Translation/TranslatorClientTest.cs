using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Signalering.Domain.Translation;
using Signalering.Infrastructure.Translation;

namespace Signalering.Infrastructure.Tests.Translation;

/// <summary>
/// <see cref="TranslatorClient"/> as the host wires it (<see cref="TranslationServiceCollectionExtensions.AddTranslator"/>,
/// resilience pipeline included) against <see cref="FakeTranslatorServer"/> over real HTTP.
/// </summary>
public sealed class TranslatorClientTest : IAsyncLifetime
{
    // Stands for what a resident wrote: it must never surface in an exception message.
    private const string ResidentText = "Kamer 12: de kachel lekt en mijn buurman Ahmed heeft astma";

    private FakeTranslatorServer _server = null!;
    private readonly List<ServiceProvider> _providers = [];

    public async Task InitializeAsync() => _server = await FakeTranslatorServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers) await provider.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task TranslateAsync_NoSourceLanguage_TranslatesAndReportsDetectedLanguage()
    {
        _server.DetectAs = "ar";
        var translator = Translator();

        var result = await translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None);

        Assert.Equal($"[nl] {ResidentText}", result.Translations["nl"]);
        Assert.Equal("ar", result.DetectedLanguage);
        Assert.Equal(1.0, result.DetectionScore);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/translate", request.Path);
        Assert.Equal("3.0", request.ApiVersion);
        Assert.Equal(["nl"], request.To);
        Assert.Null(request.From);
        Assert.Equal(FakeTranslatorServer.Key, request.Key);
        Assert.Equal("westeurope", request.Region);
        Assert.Null(request.Authorization);
        Assert.True(Guid.TryParse(request.ClientTraceId, out _));
        Assert.Equal("application/json; charset=UTF-8", request.ContentType);
        Assert.Equal($$"""[{"Text":"{{ResidentText}}"}]""", request.Body);
    }

    [Fact]
    public async Task TranslateAsync_EachCall_SendsFreshClientTraceId()
    {
        var translator = Translator();

        await translator.TranslateAsync("a", "en", ["nl"], CancellationToken.None);
        await translator.TranslateAsync("b", "en", ["nl"], CancellationToken.None);

        Assert.Equal(2, _server.Requests.Select(r => r.ClientTraceId).Distinct().Count());
    }

    [Fact]
    public async Task TranslateAsync_Kurmanji_SendsFromKmrAndReportsNoDetection()
    {
        var translator = Translator();

        var result = await translator.TranslateAsync("Germahî naxebite", "kmr", ["nl"], CancellationToken.None);

        Assert.Equal("kmr", Assert.Single(_server.Requests).From);
        Assert.Equal("[nl] Germahî naxebite", result.Translations["nl"]);
        Assert.Null(result.DetectedLanguage);
        Assert.Null(result.DetectionScore);
    }

    [Fact]
    public async Task TranslateAsync_SoraniAsSourceAndTarget_SendsKuAndKeysResultCkb()
    {
        var translator = Translator();

        var result = await translator.TranslateAsync("text", "ckb", ["ckb", "nl"], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("ku", request.From);
        Assert.Equal(["ku", "nl"], request.To);
        Assert.Equal("[ku] text", result.Translations["ckb"]);
        Assert.False(result.Translations.ContainsKey("ku"));
    }

    [Fact]
    public async Task TranslateAsync_ServiceDetectsKu_ReportsCkb()
    {
        _server.DetectAs = "ku";
        var translator = Translator();

        var result = await translator.TranslateAsync("گەرمکەرەوە کار ناکات", null, ["nl"], CancellationToken.None);

        Assert.Equal("ckb", result.DetectedLanguage);
    }

    [Fact]
    public async Task TranslateAsync_MultipleTargets_OneRequestWithEveryTarget()
    {
        var translator = Translator();

        var result = await translator.TranslateAsync(ResidentText, "nl", ["nl", "ar", "en", "ti"], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(["nl", "ar", "en", "ti"], request.To);
        Assert.Equal(4, result.Translations.Count);
        Assert.Equal($"[ar] {ResidentText}", result.Translations["ar"]);
        Assert.Equal($"[ti] {ResidentText}", result.Translations["ti"]);
    }

    [Fact]
    public async Task TranslateAsync_DuplicateAndRegionTaggedTargets_SentOnceKeyedByFormCode()
    {
        var translator = Translator();

        var result = await translator.TranslateAsync("x", "en", ["ar", "ar-SY", "nl"], CancellationToken.None);

        Assert.Equal(["ar", "nl"], Assert.Single(_server.Requests).To);
        Assert.Equal(["ar", "nl"], result.Translations.Keys.Order());
    }

    [Fact]
    public async Task TranslateAsync_ThrottledTwiceThenOk_RetriesAndSucceeds()
    {
        _server.FailNext(2, HttpStatusCode.TooManyRequests, 429001, retryAfter: "0");
        var translator = Translator();

        var result = await translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None);

        Assert.Equal($"[nl] {ResidentText}", result.Translations["nl"]);
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.Equal(_server.Requests.First().Body, r.Body)); // the body survives a resend
    }

    [Fact]
    public async Task TranslateAsync_ThrottledWithRetryAfterBeyondBudget_FailsAtOnceWithoutRetry()
    {
        _server.FailNext(1, HttpStatusCode.TooManyRequests, 429001, retryAfter: "3600");
        var translator = Translator();
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<TranslationUnavailableException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}; waited for Retry-After or the 10 s budget instead of failing at once");
        Assert.Single(_server.Requests);
        Assert.False(e.IsPermanent());
        Assert.Contains("429", e.Message);
    }

    [Fact]
    public async Task TranslateAsync_PersistentServerError_RetriesThenThrowsUnavailable()
    {
        _server.FailAlways(HttpStatusCode.InternalServerError, 500000);
        var translator = Translator();

        var e = await Assert.ThrowsAsync<TranslationUnavailableException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl", "ar"], CancellationToken.None));

        Assert.Equal(1 + 2, _server.Requests.Count); // first attempt + MaxRetryAttempts
        Assert.Contains("500000", e.Message);
        Assert.False(e.IsPermanent());
        var details = Assert.IsType<TranslatorServiceException>(e.InnerException);
        Assert.Equal(HttpStatusCode.InternalServerError, details.StatusCode);
        Assert.Equal(500000, details.ErrorCode);
        AssertNoResidentText(e);
    }

    [Fact]
    public async Task TranslateAsync_ServiceHangs_ThrowsUnavailableWithinConfiguredTimeout()
    {
        _server.Hang = TimeSpan.FromSeconds(30);
        // A short back-off: with the default 0.5 s base and jitter, the first retry could
        // start after the total budget on a slow CI machine, and then nothing is retried.
        var translator = Translator(new()
        {
            ["Translator:TimeoutSeconds"] = "2",
            ["Translator:AttemptTimeoutSeconds"] = "0.3",
            ["Translator:RetryDelaySeconds"] = "0.02",
        });
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<TranslationUnavailableException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}; the total budget of 2 s was not honoured");
        Assert.True(_server.Requests.Count >= 2, "an attempt that timed out is retried while the total budget lasts");
        Assert.False(e.IsPermanent());
        AssertNoResidentText(e);
    }

    [Fact]
    public async Task TranslateAsync_CallerCancels_ThrowsOperationCanceled()
    {
        _server.Hang = TimeSpan.FromSeconds(30);
        var translator = Translator(new() { ["Translator:TimeoutSeconds"] = "20", ["Translator:AttemptTimeoutSeconds"] = "10" });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl"], cancel.Token));
    }

    [Fact]
    public async Task TranslateAsync_WrongKey_ThrowsUnavailableWithoutRetry()
    {
        var translator = Translator(new() { ["Translator:Key"] = "not-the-key" });

        var e = await Assert.ThrowsAsync<TranslationUnavailableException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None));

        Assert.Single(_server.Requests);
        Assert.Contains("401", e.Message);
        Assert.Contains("401000", e.Message);
        Assert.False(e.IsPermanent());
        AssertNoResidentText(e);
    }

    [Fact]
    public async Task TranslateAsync_BadRequest_ThrowsUnavailableMarkedPermanent()
    {
        _server.FailNext(1, HttpStatusCode.BadRequest, 400036);
        var translator = Translator();

        var e = await Assert.ThrowsAsync<TranslationUnavailableException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None));

        Assert.Single(_server.Requests);
        Assert.True(e.IsPermanent());
        Assert.Equal(400036, Assert.IsType<TranslatorServiceException>(e.InnerException).ErrorCode);
        Assert.Contains("400036", e.Message);
        AssertNoResidentText(e);
    }

    [Fact]
    public async Task TranslateAsync_ServerUnreachable_ThrowsUnavailable()
    {
        // A port that was free a moment ago and has no listener now.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var translator = Translator(new() { ["Translator:Endpoint"] = $"http://127.0.0.1:{port}" });

        var e = await Assert.ThrowsAsync<TranslationUnavailableException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None));

        Assert.False(e.IsPermanent());
        AssertNoResidentText(e);
    }

    [Fact]
    public async Task TranslateAsync_NoCredential_NotConfiguredAndThrowsInvalidOperation()
    {
        var translator = Translator(new() { ["Translator:Key"] = null });

        Assert.False(translator.IsConfigured);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void IsConfigured_EmptyConfiguration_False()
    {
        var services = new ServiceCollection().AddTranslator(new ConfigurationBuilder().Build()).BuildServiceProvider();
        _providers.Add(services);

        Assert.False(services.GetRequiredService<ITextTranslator>().IsConfigured);
    }

    [Fact]
    public async Task TranslateAsync_TextOverRequestLimit_ThrowsArgumentWithoutText()
    {
        var translator = Translator();
        var text = new string('x', 25_001);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => translator.TranslateAsync(text, null, ["nl", "ar"], CancellationToken.None));

        Assert.DoesNotContain("xxxxx", e.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_UnknownLanguage_ThrowsArgument()
    {
        var translator = Translator();

        await Assert.ThrowsAsync<ArgumentException>(() => translator.TranslateAsync("x", null, ["xx"], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => translator.TranslateAsync("x", "xx", ["nl"], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => translator.TranslateAsync("x", null, [], CancellationToken.None));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task TranslateAsync_CustomSubdomain_UsesTranslatorTextPath()
    {
        var translator = Translator(new() { ["Translator:Endpoint"] = $"http://signalering-test.cognitiveservices.azure.com:{_server.BaseAddress.Port}" });

        var result = await translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None);

        Assert.Equal($"[nl] {ResidentText}", result.Translations["nl"]);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("/translator/text/v3.0/translate", request.Path);
        Assert.StartsWith("signalering-test.cognitiveservices.azure.com", request.Host);
    }

    [Fact]
    public async Task TranslateAsync_ManagedIdentity_SendsBearerTokenForCognitiveServicesScope()
    {
        var credential = new FakeCredential();
        var translator = Translator(new()
        {
            ["Translator:Endpoint"] = $"http://signalering-test.cognitiveservices.azure.com:{_server.BaseAddress.Port}",
            ["Translator:Key"] = null,
            ["Translator:UseManagedIdentity"] = "true",
        }, services => services.AddSingleton<TokenCredential>(credential));

        Assert.True(translator.IsConfigured);
        await translator.TranslateAsync(ResidentText, null, ["nl"], CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal($"Bearer {FakeTranslatorServer.Token}", request.Authorization);
        Assert.Null(request.Key);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public void AddTranslator_ManagedIdentityOnGlobalEndpoint_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Translator:UseManagedIdentity"] = "true",
        }).Build();
        var services = new ServiceCollection().AddTranslator(configuration).BuildServiceProvider();
        _providers.Add(services);

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ITextTranslator>());
    }

    /// <summary>The translator as a host gets it, pointed at the fake server with short timings; <paramref name="overrides"/> win (null removes).</summary>
    private ITextTranslator Translator(Dictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Translator:Endpoint"] = _server.BaseAddress.ToString(),
            ["Translator:Key"] = FakeTranslatorServer.Key,
            ["Translator:Region"] = "westeurope",
            // Generous: a first request on a loaded CI machine (JIT, connection setup) must not time out and retry.
            // Tests about timeouts set their own.
            ["Translator:TimeoutSeconds"] = "15",
            ["Translator:AttemptTimeoutSeconds"] = "6",
            ["Translator:MaxRetryAttempts"] = "2",
            ["Translator:RetryDelaySeconds"] = "0",
        };
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)).Build();

        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        // Every host name resolves to the fake server, so a custom-subdomain endpoint reaches it too; no proxy in between.
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        }));
        services.AddTranslator(configuration);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<ITextTranslator>();
    }

    private static void AssertNoResidentText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            Assert.DoesNotContain(ResidentText, e.Message);
        Assert.DoesNotContain(ResidentText, exception.ToString());
    }

    private sealed class FakeCredential : TokenCredential
    {
        public IReadOnlyList<string> Scopes { get; private set; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes = requestContext.Scopes;
            return new AccessToken(FakeTranslatorServer.Token, DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
