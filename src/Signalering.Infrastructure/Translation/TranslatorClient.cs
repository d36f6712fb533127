using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;
using Polly;
using Signalering.Domain.Translation;

namespace Signalering.Infrastructure.Translation;

/// <summary>
/// <see cref="ITextTranslator"/> over the Azure AI Translator v3 REST contract (<c>POST /translate?api-version=3.0</c>).
/// Retries and timeouts live in the <see cref="HttpClient"/> pipeline that <see cref="TranslationServiceCollectionExtensions.AddTranslator"/>
/// builds; this class turns whatever is left of a failure into <see cref="TranslationUnavailableException"/>, whose
/// message never contains the resident's text. A refusal that retrying cannot fix carries a
/// <see cref="TranslatorServiceException"/> with <see cref="TranslatorServiceException.IsPermanent"/> as its inner exception.
/// </summary>
public sealed class TranslatorClient : ITextTranslator
{
    /// <summary>Translator's limit per request, counted across all target languages.</summary>
    public const int MaxCharactersPerRequest = 50_000;

    /// <summary>The Entra ID scope for Azure AI services.</summary>
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    private static readonly MediaTypeHeaderValue JsonUtf8 = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _http;
    private readonly TranslatorOptions _options;
    private readonly TokenCredential? _credential;

    /// <param name="http">Client with the resilience pipeline; see <see cref="TranslationServiceCollectionExtensions.AddTranslator"/>.</param>
    /// <param name="options">Translator settings.</param>
    /// <param name="credential">Token source for <see cref="TranslatorOptions.UseManagedIdentity"/>; ignored otherwise.</param>
    public TranslatorClient(HttpClient http, IOptions<TranslatorOptions> options, TokenCredential? credential = null)
    {
        _http = http;
        _options = options.Value;
        _credential = credential;
    }

    /// <inheritdoc />
    public bool IsConfigured => _options.IsConfigured;

    /// <inheritdoc />
    /// <remarks>
    /// Result keys are the form-language codes of <paramref name="to"/> (so <c>ckb</c>, never Translator's <c>ku</c>).
    /// Kurmanji (<c>kmr</c>) cannot be detected by the service: callers that know the resident wrote Kurmanji must pass it as <paramref name="from"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">A language is not a form language, <paramref name="to"/> is empty, or the text is over the request limit.</exception>
    /// <exception cref="InvalidOperationException">The translator is not configured (<see cref="IsConfigured"/> is false).</exception>
    public async Task<TranslationResult> TranslateAsync(string text, string? from, IReadOnlyList<string> to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(to);
        if (to.Count == 0) throw new ArgumentException("At least one target language is required.", nameof(to));

        // Translator code → our code, from what was asked: the answer's "to" is then mapped back exactly as requested.
        var targets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in to)
        {
            var language = TranslatorLanguageCodes.GetFormLanguage(code, nameof(to));
            targets.TryAdd(language.TranslatorCode, language.Code);
        }
        var source = from is null ? null : TranslatorLanguageCodes.GetFormLanguage(from, nameof(from));

        // The limit counts every target language. Only the length goes into the message, never the text.
        if ((long)text.Length * targets.Count > MaxCharactersPerRequest)
            throw new ArgumentException(
                $"Text of {text.Length} characters into {targets.Count} languages exceeds Translator's {MaxCharactersPerRequest} characters per request.",
                nameof(text));

        if (!IsConfigured)
            throw new InvalidOperationException(
                $"Translator is not configured: set {TranslatorOptions.SectionName}:{nameof(TranslatorOptions.Key)} or {TranslatorOptions.SectionName}:{nameof(TranslatorOptions.UseManagedIdentity)}.");

        var traceId = Guid.NewGuid().ToString();
        using var request = await CreateRequestAsync(text, source?.TranslatorCode, targets.Keys, traceId, cancellationToken).ConfigureAwait(false);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or ExecutionRejectedException or IOException)
        {
            // Network error, attempt/total timeout, open circuit or bulkhead: all "try again later".
            throw new TranslationUnavailableException($"Translator could not be reached ({e.GetType().Name}, trace {traceId}).", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw await RefusalAsync(response, traceId, cancellationToken).ConfigureAwait(false);
            return await ParseAsync(response, targets, traceId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(string text, string? from, IEnumerable<string> to, string traceId, CancellationToken cancellationToken)
    {
        var query = new StringBuilder("?api-version=3.0");
        foreach (var code in to) query.Append("&to=").Append(Uri.EscapeDataString(code));
        if (from is not null) query.Append("&from=").Append(Uri.EscapeDataString(from));

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.TranslateUri(), query.ToString()));
        try
        {
            var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new[] { new RequestItem(text) }, Json));
            body.Headers.ContentType = JsonUtf8;
            request.Content = body;
            request.Headers.Add("X-ClientTraceId", traceId);
            if (!string.IsNullOrWhiteSpace(_options.Region))
                request.Headers.Add("Ocp-Apim-Subscription-Region", _options.Region);

            if (_options.UseManagedIdentity)
            {
                var token = await GetTokenAsync(traceId, cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            else
            {
                request.Headers.Add("Ocp-Apim-Subscription-Key", _options.Key);
            }
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private async Task<string> GetTokenAsync(string traceId, CancellationToken cancellationToken)
    {
        if (_credential is null)
            throw new InvalidOperationException(
                $"{TranslatorOptions.SectionName}:{nameof(TranslatorOptions.UseManagedIdentity)} is set but no token credential was supplied.");
        try
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext([TokenScope]), cancellationToken).ConfigureAwait(false);
            return token.Token;
        }
        catch (Exception e) when (e is AuthenticationFailedException or RequestFailedException)
        {
            // Identity endpoint down or role not (yet) assigned: the same "try later" as a 401 from Translator.
            throw new TranslationUnavailableException($"No Entra ID token for Translator ({e.GetType().Name}, trace {traceId}).", e);
        }
    }

    private static async Task<TranslationUnavailableException> RefusalAsync(HttpResponseMessage response, string traceId, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        int? errorCode = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            errorCode = JsonSerializer.Deserialize<ErrorResponse>(body, Json)?.Error?.Code;
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException)
        {
            // An unreadable error body changes nothing about the outcome: the status already says it failed.
        }

        // 401/403 are configuration (key, region, role) and 408/429 are load: an operator or time fixes them.
        // Any other 4xx says this very request is wrong, so repeating it is pointless.
        var permanent = (int)status is >= 400 and < 500
            && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

        // The service's own error message is left out on purpose: only codes are certain not to echo the resident's text.
        var message = $"Translator answered {(int)status} {status}{(errorCode is null ? "" : $", error {errorCode}")} (trace {traceId}).";
        return new TranslationUnavailableException(message, new TranslatorServiceException(status, errorCode, permanent, traceId, message));
    }

    private static async Task<TranslationResult> ParseAsync(HttpResponseMessage response, Dictionary<string, string> targets, string traceId, CancellationToken cancellationToken)
    {
        ResponseItem[]? items;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            items = await JsonSerializer.DeserializeAsync<ResponseItem[]>(stream, Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new TranslationUnavailableException($"Translator sent an unreadable answer (trace {traceId}).", e);
        }

        if (items is not [var item]) throw new TranslationUnavailableException($"Translator sent {items?.Length ?? 0} results for 1 text (trace {traceId}).");

        var translations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var translation in item.Translations ?? [])
        {
            if (translation.To is not null && translation.Text is not null && targets.TryGetValue(translation.To, out var code))
                translations[code] = translation.Text;
        }
        var missing = targets.Values.Where(code => !translations.ContainsKey(code)).ToList();
        if (missing.Count > 0)
            throw new TranslationUnavailableException($"Translator sent no translation into {string.Join(", ", missing)} (trace {traceId}).");

        var detected = item.DetectedLanguage?.Language is { Length: > 0 } language ? TranslatorLanguageCodes.FromTranslator(language) : null;
        return new TranslationResult(translations, detected, detected is null ? null : item.DetectedLanguage?.Score);
    }

    // The v3 contract spells the request property "Text"; the answer is camelCase.
    private sealed record RequestItem([property: JsonPropertyName("Text")] string Text);

    private sealed record ResponseItem(DetectedLanguage? DetectedLanguage, TranslationItem[]? Translations);

    private sealed record DetectedLanguage(string? Language, double? Score);

    private sealed record TranslationItem(string? Text, string? To);

    private sealed record ErrorResponse(ErrorDetail? Error);

    private sealed record ErrorDetail(int? Code);
}
