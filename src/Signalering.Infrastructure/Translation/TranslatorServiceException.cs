using System.Net;
using Signalering.Domain.Translation;

namespace Signalering.Infrastructure.Translation;

/// <summary>
/// What Translator answered when it refused a request: carried as the <see cref="Exception.InnerException"/> of the
/// <see cref="TranslationUnavailableException"/> that <see cref="TranslatorClient"/> throws, so callers keep the domain
/// contract and can still tell a refusal that retrying cannot fix (<see cref="IsPermanent"/>) from an outage.
/// Its message holds status and error code only: never the resident's text.
/// </summary>
public sealed class TranslatorServiceException(HttpStatusCode statusCode, int? errorCode, bool isPermanent, string clientTraceId, string message)
    : Exception(message)
{
    /// <summary>HTTP status of the last attempt.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Translator's six-digit error code from the body (<c>{"error":{"code":400036,…}}</c>), when it sent one.</summary>
    public int? ErrorCode { get; } = errorCode;

    /// <summary>
    /// True when the request itself was rejected (400 and other 4xx except 401/403/408/429): sending it again later gives the
    /// same answer, so a queue should park the signal as untranslated instead of retrying it.
    /// </summary>
    public bool IsPermanent { get; } = isPermanent;

    /// <summary>The <c>X-ClientTraceId</c> we sent, for correlating with the service's logs.</summary>
    public string ClientTraceId { get; } = clientTraceId;
}

/// <summary>Reads the Translator details off the domain's <see cref="TranslationUnavailableException"/>.</summary>
public static class TranslationUnavailableExceptionExtensions
{
    /// <summary>True when Translator rejected the request itself and retrying later cannot help (see <see cref="TranslatorServiceException.IsPermanent"/>).</summary>
    public static bool IsPermanent(this TranslationUnavailableException exception) =>
        exception.InnerException is TranslatorServiceException { IsPermanent: true };
}
