using Signalering.Domain.Languages;
using Signalering.Domain.Signals;
using Signalering.Domain.Translation;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Processing;

/// <summary>
/// Translates a routed signal's text into Dutch for coordinators. Never fails a delivery for the translator's sake:
/// without a translator, or when it is unreachable, the signal is marked untranslated (once, in its history) and its
/// translate marker stays, so the sweep tries again later. Once a routed signal's text is translated, its
/// organisation hears of it: a message with event <c>translated</c> and translationState <c>Translated</c>.
/// </summary>
public sealed class SignalTranslationWorker(SignalTable signals, ITextTranslator translator, SignalProcessor processor, TimeProvider time,
    ILogger<SignalTranslationWorker> log, Security.AbuseGuard abuse)
{
    public async Task TranslateAsync(TrackingCode code, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await signals.GetAsync(code, ct);
            if (stored is null) return;
            var signal = stored.Signal;
            if (signal.Translation is TranslationState.NotNeeded or TranslationState.Translated || string.IsNullOrWhiteSpace(signal.Text))
            {
                await signals.DeleteTodoAsync(TodoKinds.Translate, code, ct);
                return;
            }
            if (!translator.IsConfigured)
            {
                if (signal.MarkUntranslated(time.GetUtcNow(), "not-configured") && await signals.SaveAsync(stored, signal, [], [], time.GetUtcNow(), ct) is null)
                    continue;
                return;
            }
            if (!(await abuse.TakeTranslationAsync(signal.LocationId, ct)).Allowed)
            {
                // Paid per character: past the location's daily budget the signal stays in the resident's words, and says why.
                log.LogInformation("Translation of {Code} skipped: the location's daily translation budget is spent", code.ToString());
                signal.MarkUntranslated(time.GetUtcNow(), "daily-limit");
                if (await signals.SaveAsync(stored, signal, [], [TodoKinds.Translate], time.GetUtcNow(), ct) is null) continue;
                return;
            }
            TranslationResult result;
            try
            {
                // Residents may write in another language than the form's; let the service detect it where it can.
                var language = FormLanguages.Get(signal.Language);
                result = await translator.TranslateAsync(signal.Text, language.TranslatorAutoDetects ? null : language.Code, ["nl"], ct);
            }
            catch (TranslationUnavailableException e)
            {
                log.LogWarning("Translation of {Code} unavailable: {Reason}", code.ToString(), e.Message);
                if (signal.MarkUntranslated(time.GetUtcNow(), "unavailable") && await signals.SaveAsync(stored, signal, [], [], time.GetUtcNow(), ct) is null)
                    continue;
                return;
            }
            signal.RecordTranslation(result.Translations["nl"], result.DetectedLanguage, time.GetUtcNow());
            if (await signals.SaveAsync(stored, signal, [], [TodoKinds.Translate], time.GetUtcNow(), ct) is null) continue;
            if (signal.OrganisationId is null) return;
            try { await processor.NotifyAsync(signal, ct, "translated", copiesTo: []); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The translation stands and the inbox shows it; only the organisation's notice of it is lost.
                log.LogWarning(e, "Telling the organisation that {Code} is translated failed", code.ToString());
            }
            return;
        }
    }
}
