using Signalering.Domain.Flagging;
using Signalering.Domain.Languages;
using Signalering.Domain.ReferenceData;

namespace Signalering.Domain.Tests.Flagging;

/// <summary>
/// Trains the flag model (ADR 0010): one home for what it learns from, shared by the corpus tool that writes
/// <c>data/flagging/model.bin</c> and the test that checks the shipped model is what these give.
/// </summary>
public static class FlagModelTraining
{
    /// <summary>Category names that speak of harm themselves: neither taught as ordinary nor required to stay unflagged.</summary>
    public static readonly IReadOnlyList<string> CategoriesAboutHarm = ["veiligheid-conflict", "veiligheid-intimidatie"];

    /// <summary>
    /// The corpus lines of <see cref="Splits"/>, and as ordinary examples the names of the ordinary categories in every form language: a resident
    /// may type a tile's name, and without them the model read "Problems with employer or agency" as sensitive (its
    /// staff words are in most of the corpus's sensitive lines and a five-word text has little else to weigh).
    /// </summary>
    public static FlagModel Train(SignalFlagger lexiconOnly, string corpusFolder) =>
        Train(lexiconOnly, Splits.SelectMany(split => FlagCorpus.LoadFrom(corpusFolder, split)));

    /// <summary>What the model learns from: never a held-out split.</summary>
    public static readonly IReadOnlyList<string> Splits = [FlagCorpus.Tune, FlagCorpus.Dev, FlagCorpus.Everyday];

    public static FlagModel Train(SignalFlagger lexiconOnly, IEnumerable<CorpusLine> lines)
    {
        var examples = lines.Select(l => (lexiconOnly.ModelFeatures(l.Text), l.Emergency, l.Sensitive)).ToList();
        var categories = ReferenceFiles.LoadEmbedded().ToDomain().Categories.All
            .Where(c => !c.Emergency && !c.Sensitive && !CategoriesAboutHarm.Contains(c.Code));
        foreach (var category in categories)
            foreach (var language in FormLanguages.All)
                examples.Add((lexiconOnly.ModelFeatures(category.NameIn(language.Code)), false, false));
        return FlagModel.Train(examples);
    }
}
