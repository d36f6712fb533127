using Signalering.Domain.Flagging;

namespace Signalering.Domain.Tests.Flagging;

/// <summary>
/// The model beside the lexicon (ADR 0010): the shipped weights are what the corpus and lexicon give, and the flagger
/// uses the model's scores as the ADR says — it adds a flag the lexicon missed, drops a lexicon emergency it is nearly
/// sure of, never drops a sensitive flag, and keeps out of short texts.
/// </summary>
public sealed class FlagModelTest
{
    private static readonly SignalFlagger LexiconOnly = SignalFlagger.Default.WithModel(null); // the shipped index, not a second build of it

    [Fact]
    public void ShippedModel_IsWhatTheCorpusAndLexiconTrain()
    {
        var shipped = FlagModel.LoadEmbedded();
        Assert.NotNull(shipped);
        var retrained = FlagModelTraining.Train(LexiconOnly, FlagCorpus.Folder);
        // Half precision rounds each weight to about three digits; a lexicon or corpus change moves many by far more.
        Assert.True(shipped.SameAs(retrained, tolerance: 0.01f),
            "data/flagging/model.bin is stale: retrain it with `dotnet run --project tools/FlagCorpus -- --train` after changing the lexicon or the corpus it learns from");
    }

    [Fact]
    public void SaveAndLoad_KeepTheScores()
    {
        var model = SyntheticModel();
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = FlagModel.Load(stream);
        Assert.True(loaded.SameAs(model, tolerance: 0f));
    }

    [Fact]
    public void Load_SomethingElse_SaysToRetrain()
    {
        using var stream = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            deflate.Write("NOPE0000000000"u8);
        stream.Position = 0;
        var e = Assert.Throws<DomainException>(() => FlagModel.Load(stream));
        Assert.Contains("--train", e.Message);
    }

    [Fact]
    public void ConfidentModel_AddsTheFlagsTheLexiconMissed()
    {
        var flagger = LexiconOnly.WithModel(SyntheticModel());
        const string text = "the zorblat is in the corridor again tonight";
        Assert.Equal(SignalFlags.None, LexiconOnly.Flag(text, "en").Flags);
        var result = flagger.Flag(text, "en");
        Assert.Equal(SignalFlags.Emergency, result.Flags);
        Assert.Equal([FlagKinds.LikelyEmergency], result.Kinds);

        var sensitive = flagger.Flag("the quomble asked me again for something tonight", "en");
        Assert.Equal([FlagKinds.LikelySensitive], sensitive.Kinds);
    }

    [Fact]
    public void ModelNearlySureItIsNoEmergency_DropsTheLexiconsEmergency_NeverItsSensitiveFlag()
    {
        const string fire = "there is a fire in the kitchen of the flumdrop";
        Assert.True(LexiconOnly.Flag(fire, "en").IsEmergency);
        var flagger = LexiconOnly.WithModel(SyntheticModel());
        Assert.Equal(SignalFlags.None, flagger.Flag(fire, "en").Flags);

        const string guard = "the guard hits me every day in the flumdrop room";
        var lexicon = LexiconOnly.Flag(guard, "en");
        Assert.True(lexicon.IsSensitive);
        Assert.True(flagger.Flag(guard, "en").IsSensitive); // the flumdrop words pull both scores down: sensitive stays
    }

    [Fact]
    public void ShortText_IsTheLexiconsAlone()
    {
        var flagger = LexiconOnly.WithModel(SyntheticModel());
        Assert.Equal(SignalFlags.None, flagger.Flag("zorblat zorblat", "en").Flags);
        Assert.True(flagger.Flag("fire flumdrop", "en").IsEmergency); // no veto under five words either
    }

    [Fact]
    public void ShippedFlagger_LeavesCategoryNamesAndShortComplaintsAlone()
    {
        foreach (var text in new[] { "Housing", "Wonen", "Hałas", "Guriga", "lamp kapot", "the heater is broken" })
            Assert.Equal(SignalFlags.None, SignalFlagger.Default.Flag(text, "en").Flags);
    }

    /// <summary>A model that knows three made-up words: "zorblat" is an emergency, "quomble" sensitive, "flumdrop" neither.</summary>
    private static FlagModel SyntheticModel()
    {
        string[] fillers = ["in the corridor", "again tonight", "in room five", "near the kitchen", "every day now", "asked me"];
        var examples = new List<(int[], bool, bool)>();
        for (var i = 0; i < 60; i++)
        {
            var filler = fillers[i % fillers.Length];
            examples.Add((LexiconOnly.ModelFeatures($"the zorblat is {filler}"), true, false));
            examples.Add((LexiconOnly.ModelFeatures($"the quomble is {filler}"), false, true));
            examples.Add((LexiconOnly.ModelFeatures($"the flumdrop is {filler}"), false, false));
            examples.Add((LexiconOnly.ModelFeatures($"flumdrop flumdrop {filler}"), false, false));
        }
        return FlagModel.Train(examples);
    }
}
