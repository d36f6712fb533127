namespace Signalering.Domain.Translation;

/// <summary>
/// Machine translation of resident text. Implementations never block intake or routing: callers run them from a
/// queue function and treat <see cref="TranslationUnavailableException"/> as "try again later".
/// Languages are BCP-47 form-language codes; mapping to the service's own codes is the implementation's job.
/// </summary>
public interface ITextTranslator
{
    /// <summary>False when no endpoint or credential is configured: signals then stay untranslated, honestly marked.</summary>
    bool IsConfigured { get; }

    /// <summary>Translates <paramref name="text"/> from <paramref name="from"/> (null: let the service detect) into each target.</summary>
    /// <exception cref="TranslationUnavailableException">The service could not be reached or refused (throttled, 5xx, timeout, auth).</exception>
    Task<TranslationResult> TranslateAsync(string text, string? from, IReadOnlyList<string> to, CancellationToken cancellationToken);
}

/// <summary>Translations keyed by BCP-47 target code; <see cref="DetectedLanguage"/> is set when the source was detected.</summary>
public sealed record TranslationResult(IReadOnlyDictionary<string, string> Translations, string? DetectedLanguage, double? DetectionScore);

public sealed class TranslationUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
