using Signalering.Domain.Expertpool;
using Signalering.Domain.Languages;
using Signalering.Domain.Translation;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>
/// Machine translation for the expertpool, run from a timer and on request, never inside a member's or the
/// municipality's request: consultation texts from Dutch into every form language still missing them, and open
/// answers into Dutch. Without a translator, or when it is down, nothing changes and the work stays pending (members
/// read the Dutch; the analysis shows the original text).
/// </summary>
public sealed class ExpertpoolTranslation(ExpertpoolService expertpool, ITextTranslator translator, ILogger<ExpertpoolTranslation> log)
{
    /// <returns>How many texts were translated.</returns>
    public async Task<int> TranslatePendingAsync(CancellationToken ct)
    {
        if (!translator.IsConfigured) return 0;
        var done = 0;
        foreach (var c in await expertpool.Tables.ConsultationsAsync(ct))
        {
            done += await TranslateConsultationAsync(c.Id, ct);
            done += await TranslateAnswersAsync(c.Id, ct);
        }
        return done;
    }

    public async Task<int> TranslateConsultationAsync(string id, CancellationToken ct)
    {
        if (!translator.IsConfigured || await expertpool.Tables.GetConsultationAsync(id, ct) is not var (consultation, _)) return 0;
        var pending = consultation.PendingLanguages();
        if (pending.Count == 0) return 0;
        var byLanguage = pending.ToDictionary(l => l, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        try
        {
            foreach (var (key, dutch) in consultation.DutchTexts())
            {
                var missing = pending.Where(l => !consultation.Translations.TryGetValue(l, out var t) || !t.Texts.ContainsKey(key)).ToList();
                if (missing.Count == 0) continue;
                var result = await translator.TranslateAsync(dutch, "nl", missing, ct);
                foreach (var (lang, text) in result.Translations) byLanguage[lang][key] = text;
            }
        }
        catch (TranslationUnavailableException e)
        {
            // Keep what came back; the rest stays pending for the next run.
            log.LogWarning("Translating consultation {Id} unavailable: {Reason}", id, e.Message);
        }
        if (byLanguage.Values.All(t => t.Count == 0)) return 0;
        await expertpool.ChangeAsync(id, c => { foreach (var (lang, texts) in byLanguage) c.RecordMachineTranslation(lang, texts); }, ct);
        return byLanguage.Values.Sum(t => t.Count);
    }

    private async Task<int> TranslateAnswersAsync(string consultationId, CancellationToken ct)
    {
        var done = 0;
        foreach (var answers in await expertpool.Tables.AnswersAsync(consultationId, ct))
        {
            if (answers.Language == "nl" || answers.Open.All(o => o.TextNl is not null)) continue;
            var language = FormLanguages.Get(answers.Language);
            var changed = answers;
            try
            {
                foreach (var o in answers.Open.Where(o => o.TextNl is null))
                {
                    // People write in another language than the form's: let the service detect it where it can.
                    var result = await translator.TranslateAsync(o.Text, language.TranslatorAutoDetects ? null : language.Code, ["nl"], ct);
                    changed = changed.WithDutch(o.QuestionId, result.Translations["nl"]);
                    done++;
                }
            }
            catch (TranslationUnavailableException e)
            {
                log.LogWarning("Translating open answers unavailable: {Reason}", e.Message);
                if (changed != answers) await expertpool.Tables.UpdateOpenAsync(changed, ct);
                return done;
            }
            await expertpool.Tables.UpdateOpenAsync(changed, ct);
        }
        return done;
    }
}
