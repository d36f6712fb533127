using Signalering.Domain.Flagging;
using Signalering.Domain.Languages;
using Signalering.Domain.ReferenceData;

namespace Signalering.Domain.Tests.Flagging;

/// <summary>
/// The shipped lexicon against sentences residents could write. Positives: one or more per form language and kind,
/// written as people type on a phone (no diacritics, proclitics attached). Negatives: everyday complaints in many
/// languages and every ordinary category name in all 17 languages, because every lexicon is checked against every
/// text and a short stem in one language can start a harmless word in another.
/// </summary>
public sealed class SignalFlaggerTest
{
    private static readonly SignalFlagger Flagger = SignalFlagger.Default;

    public static TheoryData<string, string, string> Positives => new()
    {
        { "en", "There is a fire in the kitchen, smoke everywhere", FlagKinds.Fire },
        { "en", "My neighbour is unconscious and not breathing", FlagKinds.Medical },
        { "en", "I don't want to live anymore", FlagKinds.Suicide },
        { "en", "He has a knife and says he will kill us", FlagKinds.Danger },
        { "en", "Two men attacked my husband and hit me", FlagKinds.Violence },
        { "en", "The security guard touched me and said he will hurt me if I tell anyone", FlagKinds.StaffAbuse },
        { "en", "The security guard touched me and said he will hurt me if I tell anyone", FlagKinds.Sexual },
        { "en", "The man in room 4 hits the little girl from next door", FlagKinds.ChildSafety },
        { "nl", "Er is brand op de gang!", FlagKinds.Fire },
        { "nl", "De beveiliger heeft mij uitgescholden en bedreigd", FlagKinds.StaffAbuse },
        { "nl", "Ik wil niet meer leven", FlagKinds.Suicide },
        { "ar", "اشتعلت النار في المطبخ", FlagKinds.Fire },
        { "ar", "الحارس ضربني أمس", FlagKinds.StaffAbuse },
        { "ar", "والحريق في الطابق الثاني", FlagKinds.Fire },
        { "ar", "أفكر في الانتحار", FlagKinds.Suicide },
        { "ar", "جاري معه سكين", FlagKinds.Danger },
        { "ti", "ኣብ ክሽነ ሓዊ ተወሊዑ", FlagKinds.Fire },
        { "ti", "ሓላዊ ሃሪሙኒ", FlagKinds.StaffAbuse },
        { "ti", "ክቐትለኒ እዩ ኢሉ", FlagKinds.Danger },
        { "am", "በኩሽና ውስጥ እሳት አለ", FlagKinds.Fire },
        { "am", "ጠባቂው መታኝ", FlagKinds.StaffAbuse },
        { "am", "ራሴን ማጥፋት እፈልጋለሁ", FlagKinds.Suicide },
        { "fa", "نگهبان به من توهین کرد و تهدید کرد", FlagKinds.StaffAbuse },
        { "fa", "به خودکشی فکر می‌کنم", FlagKinds.Suicide },
        { "fa", "آتش‌سوزی در آشپزخانه", FlagKinds.Fire },
        { "prs", "مرا لت و کوب کردند", FlagKinds.Violence },
        { "prs", "بوی گاز در اتاق است", FlagKinds.Danger },
        { "ps", "ساتونکي ووهلم", FlagKinds.StaffAbuse },
        { "ps", "په کوټه کې لوګی دی", FlagKinds.Fire },
        { "ckb", "پاسەوانەکە لێیدام", FlagKinds.StaffAbuse },
        { "ckb", "ئاگر لە چێشتخانەکەیە", FlagKinds.Fire },
        { "kmr", "Parastvan li min xist", FlagKinds.StaffAbuse },
        { "kmr", "Ez dixwazim bimirim", FlagKinds.Suicide },
        { "tr", "Güvenlik görevlisi beni tehdit etti", FlagKinds.StaffAbuse },
        { "tr", "Mutfakta yangın var", FlagKinds.Fire },
        { "tr", "Komşum bayıldı", FlagKinds.Medical },
        { "so", "Ilaalada ayaa i garaacay", FlagKinds.StaffAbuse },
        { "so", "Dabka ayaa ka kacay jikada", FlagKinds.Fire },
        { "uk", "Охоронець погрожував мені", FlagKinds.StaffAbuse },
        { "uk", "У коридорі пожежа", FlagKinds.Fire },
        { "uk", "Не хочу жити", FlagKinds.Suicide },
        { "ru", "Сосед избил жену", FlagKinds.Violence },
        { "ru", "Утечка газа на кухне", FlagKinds.Danger },
        { "pl", "Szef grozi, ze nie zaplaci", FlagKinds.StaffAbuse },
        { "pl", "W kuchni jest pożar", FlagKinds.Fire },
        { "ro", "Paznicul m-a lovit", FlagKinds.StaffAbuse },
        { "ro", "Vreau sa mor", FlagKinds.Suicide },
        { "bg", "Охраната ме удари", FlagKinds.StaffAbuse },
        { "bg", "В стаята има пожар", FlagKinds.Fire },
        // Round 5: the classes set D missed, in sentences of their own.
        { "en", "my husband hits me every day and I am scared to tell anyone", FlagKinds.DomesticAbuse },
        { "nl", "Mijn man slaat me al jaren, niemand mag het weten", FlagKinds.DomesticAbuse },
        { "ar", "زوجي يضربني كل يوم وما بقدر احكي", FlagKinds.DomesticAbuse },
        { "ru", "Муж бьет меня каждый вечер, боюсь рассказать", FlagKinds.DomesticAbuse },
        { "tr", "Kocam beni dövüyor, kimseye söyleyemiyorum", FlagKinds.DomesticAbuse },
        { "en", "The caretaker showed me a knife and said he will kill me", FlagKinds.StaffAbuse },
        { "en", "the interpreter said he translates better if I do him a favour", FlagKinds.StaffAbuse },
        { "nl", "de man van kantoor zei als ik 50 euro geef krijg ik eerder een kamer", FlagKinds.StaffAbuse },
        { "en", "the guard comes into the women's rooms at night", FlagKinds.StaffAbuse },
        { "en", "my son has a high fever and is breathing badly", FlagKinds.Medical },
        { "so", "tarjumaan wuxuu igu yiri hadaad ii fiicnaato", FlagKinds.StaffAbuse },
        { "ti", "ቆልዓይ ረስኒ ኣለዎ ኣይትንፈስን", FlagKinds.Medical },
        // Round 6: the classes set E missed, in sentences of their own (not the corpus's).
        { "en", "my roommate gave away all his things and wrote a goodbye letter", FlagKinds.Suicide },
        { "nl", "mijn buurman heeft al zijn spullen weggegeven en zegt morgen ben ik er niet meer", FlagKinds.Suicide },
        { "tr", "kardeşim herkesten helallik istedi ve köprüye gitti", FlagKinds.Suicide },
        { "en", "my little boy drank bleach from under the sink", FlagKinds.Medical },
        { "pl", "kolega wypil pol butelki wodki i garsc tabletek, nie da sie go obudzic", FlagKinds.Medical },
        { "nl", "een kind is in het kanaal gevallen", FlagKinds.Medical },
        { "ru", "ребенка ошпарили кипятком, кожа слезает", FlagKinds.Medical },
        { "en", "the security locked a woman in the office and she is screaming", FlagKinds.Violence },
        { "en", "the security locked a woman in the office and she is screaming", FlagKinds.StaffAbuse },
        { "fa", "نگهبان به زور یه دختر رو گرفته و جیغ میزنه", FlagKinds.Violence },
        { "fa", "نگهبان به زور یه دختر رو گرفته و جیغ میزنه", FlagKinds.StaffAbuse },
        { "en", "the cleaner is filming the girls in the shower with his phone", FlagKinds.Sexual },
        { "nl", "de beheerder komt met zijn eigen sleutel binnen als wij er niet zijn", FlagKinds.StaffAbuse },
        { "en", "the coordinator says come to my house alone and I will help with your papers", FlagKinds.StaffAbuse },
        { "ro", "seful nu ne plateste de o luna si zice ca ne trimite acasa", FlagKinds.StaffAbuse },
        { "so", "waxay rabaan in gabadha loo gudo fasaxa", FlagKinds.ChildSafety },
        { "en", "an old man wants to marry a 13 year old girl from our camp", FlagKinds.ChildSafety },
        { "pl", "kierownik mowi do dziewczyn jestes bardzo ladna i dotyka ramienia", FlagKinds.StaffAbuse },
        { "en", "my friend said you will not see me again and left", FlagKinds.Suicide },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Flag_RecognisesTheKind_InTheResidentsOwnLanguage(string language, string text, string kind)
    {
        var result = Flagger.Flag(text, language);
        Assert.True(result.Kinds.Contains(kind), $"'{text}' gave [{string.Join(", ", result.Kinds)}], expected {kind}");
        Assert.Equal(FlagKinds.FlagOf(kind), result.Flags & FlagKinds.FlagOf(kind));
    }

    public static TheoryData<string, string> Negatives => new()
    {
        { "pl", "Za dużo osób w jednym pokoju" },
        { "ar", "الماء يدخل غرفتي" },
        { "ar", "نص خاص جدا للساكن" },
        { "ar", "يوجد دود في الطعام" },
        { "ti", "ማይ ኣብ ክፍለይ ይኣቱ" },
        { "uk", "У кімнаті сиро" },
        { "nl", "Er is schimmel in de badkamer" },
        { "nl", "De brandblusser hangt niet meer aan de muur en de bomen voor het raam zijn te hoog" },
        { "en", "I was fired last week and my boss did not pay my wages" },
        { "en", "The heating is broken and the kitchen is a mess" },
        { "en", "The building is dilapidated and the bus is always late" },
        { "fa", "من خیلی ناراحت هستم چون آب گرم نداریم" },
        { "fa", "اگر ممکن است یک کلاس زبان برای بچه‌ها بگذارید" },
        { "tr", "Odam çok küçük ve ağır bir koku var" },
        { "ru", "Сломалась ножка стула" },
        { "ro", "Nu am apa calda de doua zile" },
        { "so", "Ma haysto lacag aan bas ku raaco" },
        { "uk", "Зникло світло в кімнаті" },
        { "en", "There is no sharp knife in the kitchen" },
        { "nl", "Er is geen goed mes in de keuken" },
        { "ro", "Becul din baie arde zi si noapte" },
        { "tr", "Koridorun ışığı gece gündüz yanıyor" },
        { "ru", "Работодатель дает мало часов, денег не хватает" },
        { "nl", "Sigarettenrook komt in onze kamer" },
        // Staff with money and speed, or with a room and the night, is not yet a bribe or an intrusion.
        { "en", "the coordinator said the allowance of 50 euro comes faster this month" },
        { "en", "the caretaker still did not fix the heater in my room, it is cold at night" },
        { "en", "my son lost his bus card, how do I get a new one" },
        { "en", "at night the women's shower has no hot water, the caretaker knows" },
        { "en", "the gas stove in the kitchen does not work, there is a smell of food" },
        // Round 6: festival fires, fuses, toy guns and blood tests; a key or an absence alone is no intrusion.
        { "en", "can we make a fire in the yard for Newroz like every year" },
        { "tr", "nevruz ateşi için bahçede ateş yakabilir miyiz" },
        { "en", "the fuse burnt and there is no light in the kitchen" },
        { "ru", "у меня завтра анализ крови, надо ли не есть" },
        { "pl", "dzieci bawia sie plastikowymi pistoletami na korytarzu" },
        { "en", "the caretaker came into our room with his own key to fix the heater" },
        { "en", "the cleaner cleans our room when we are not there" },
        { "en", "the coordinator says next week more hours, the wage is 14 euro" },
        { "ru", "в коридоре сигаретный дым, кто-то опять курит" },
    };

    [Theory]
    [MemberData(nameof(Negatives))]
    public void Flag_LeavesOrdinaryComplaintsAlone(string language, string text)
    {
        var result = Flagger.Flag(text, language);
        Assert.True(result.Flags == SignalFlags.None, $"'{text}' matched {string.Join(", ", Flagger.Explain(text))}");
    }

    [Fact]
    public void Flag_NoOrdinaryCategoryNameInAnyLanguageIsFlagged()
    {
        // Names of categories that are about violence or threats may match; all others must not.
        var aboutHarm = FlagModelTraining.CategoriesAboutHarm;
        var categories = ReferenceFiles.LoadEmbedded().ToDomain().Categories.All
            .Where(c => !c.Emergency && !c.Sensitive && !aboutHarm.Contains(c.Code));
        var flagged = new List<string>();
        foreach (var category in categories)
            foreach (var language in FormLanguages.All)
            {
                var name = category.NameIn(language.Code);
                if (Flagger.Flag(name, language.Code).Flags != SignalFlags.None)
                    flagged.Add($"{category.Code}/{language.Code} '{name}': {string.Join(", ", Flagger.Explain(name))}");
            }
        Assert.True(flagged.Count == 0, string.Join("\n", flagged));
    }

    [Fact]
    public void Flag_AnyFormLanguageTag_ChecksAllLexicons()
    {
        // A Ukrainian resident who writes in Russian on the Dutch form is still heard.
        Assert.True(Flagger.Flag("Сосед избил жену", "nl").IsEmergency);
        Assert.True(Flagger.Flag("There is a fire", "xx-unknown").IsEmergency);
    }

    [Fact]
    public void Flag_EmptyOrBlank_IsNone()
    {
        Assert.Equal(SignalFlags.None, Flagger.Flag(null, "en").Flags);
        Assert.Equal(SignalFlags.None, Flagger.Flag("   ", "en").Flags);
    }

    [Fact]
    public void Flag_ResultNamesKindsNeverWords()
    {
        var result = Flagger.Flag("The guard hit me, I want to die", "en");
        Assert.All(result.Kinds, k => Assert.Contains(k, FlagKinds.All));
        Assert.True(result.MentionsSuicide);
        Assert.True(result.IsEmergency);
    }

    [Fact]
    public void Combination_NeedsItsPartsWithinTheWindow()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": { "en": {
              "groups": { "staff": ["guard"], "hurt": ["slapped"] },
              "sensitive": { "staff-abuse": ["@staff + @hurt"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.True(flagger.Flag("The guard slapped him", "en").IsSensitive);
        var far = "The guard " + string.Join(" ", Enumerable.Repeat("word", SignalFlagger.PartWindowWords + 1)) + " slapped him";
        Assert.False(flagger.Flag(far, "en").IsSensitive);
        Assert.False(flagger.Flag("The guard was kind", "en").IsSensitive);
    }

    [Fact]
    public void Combination_IsFoundFromAnyLiteralOfItsFirstPart_WhereverTheOtherPartsStand()
    {
        // Only combinations whose first part the text hit are checked; the other parts may come before it.
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": { "en": {
              "groups": { "staff": ["guard", "caretaker"], "night": ["night"], "women": ["girls"] },
              "sensitive": { "staff-abuse": ["@staff & @night & @women"], "sexual": ["@women + naked"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.Contains(FlagKinds.StaffAbuse, flagger.Flag("at night the caretaker visits the girls", "en").Kinds);
        Assert.Contains(FlagKinds.Sexual, flagger.Flag("naked photos of the girls", "en").Kinds);
        Assert.False(flagger.Flag("at night the girls are loud", "en").IsSensitive);
    }

    [Fact]
    public void OneCharacterLiteral_MatchesBesideTheTwoCharacterIndex()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": { "en": { "emergency": { "danger": ["x$", "xz"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.True(flagger.Flag("x", "en").IsEmergency);
        Assert.True(flagger.Flag("a x b", "en").IsEmergency);
        Assert.True(flagger.Flag("the xzone", "en").IsEmergency);
        Assert.False(flagger.Flag("xy", "en").IsEmergency);
    }

    [Fact]
    public void AnywhereCombination_MatchesPartsFarApart_AndGroupsAreSharedAcrossLanguages()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": {
              "en": { "groups": { "staff": ["guard"], "harm": ["slapped"] }, "sensitive": { "staff-abuse": ["@staff & @harm"] } },
              "ar": { "groups": { "staff": ["الحارس"], "harm": ["ضرب"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        var far = "The guard " + string.Join(" ", Enumerable.Repeat("word", 200)) + " slapped him";
        Assert.True(flagger.Flag(far, "en").IsSensitive);
        Assert.True(flagger.Flag("the guard ضربني", "ar").IsSensitive);
        Assert.False(flagger.Flag("The guard was kind", "en").IsSensitive);
    }

    [Fact]
    public void KindPart_CombinesWithEveryTermOfThatKind_InAnyLanguage()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": {
              "en": { "groups": { "staff": ["guard"] }, "emergency": { "violence": ["beating"] },
                      "sensitive": { "staff-abuse": ["@staff & %violence"] } },
              "nl": { "emergency": { "violence": ["slaat"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        var both = flagger.Flag("de guard slaat een jongen", "nl");
        Assert.True(both.IsSensitive && both.IsEmergency);
        Assert.False(flagger.Flag("de buurman slaat een jongen", "nl").IsSensitive);
        Assert.False(flagger.Flag("the guard is kind", "en").IsSensitive);
    }

    [Fact]
    public void Exclusion_MasksItsSpan_ButNotTheRestOfTheText()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": { "en": {
              "emergency": { "fire": ["fire"] }, "exclusions": ["fire alarm"] } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.False(flagger.Flag("The fire alarm beeps all night", "en").IsEmergency);
        Assert.False(flagger.Flag("The fire alarms beep all night", "en").IsEmergency);
        Assert.True(flagger.Flag("The fire alarm rings and there is fire in the hall", "en").IsEmergency);
    }

    [Fact]
    public void Negation_CancelsAnEmergencyOnTheNextWord_NeverASensitiveOne()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": { "en": {
              "emergency": { "danger": ["knife"] }, "sensitive": { "sexual": ["touch me"] }, "negations": ["no", "don't"] } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.False(flagger.Flag("There is no knife in the kitchen", "en").IsEmergency);
        Assert.True(flagger.Flag("No, he has a knife now", "en").IsEmergency);
        Assert.True(flagger.Flag("I said don't touch me", "en").IsSensitive);
        // A negation is a whole word: "now" is not "no".
        Assert.True(flagger.Flag("now knife", "en").IsEmergency);
    }

    [Fact]
    public void PostNegation_CancelsTheEmergencyWordBeforeIt()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": { "tr": {
              "emergency": { "danger": ["bıçak", "ekmek bıçağı"] }, "postnegations": ["yok"] } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.False(flagger.Flag("mutfakta bıçak yok", "tr").IsEmergency);
        Assert.False(flagger.Flag("mutfakta ekmek bıçağı yok", "tr").IsEmergency);
        Assert.True(flagger.Flag("adamın elinde bıçak var", "tr").IsEmergency);
        Assert.True(flagger.Flag("yok bıçak", "tr").IsEmergency);
    }

    [Fact]
    public void WholeWordLiteral_DoesNotMatchLongerWords()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": { "en": { "emergency": { "fire": ["fire$"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.True(flagger.Flag("fire!", "en").IsEmergency);
        Assert.False(flagger.Flag("the fireplace", "en").IsEmergency);
    }

    [Fact]
    public void Proclitic_MatchesOnlyForItsOwnLanguage()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": {
              "ar": { "proclitics": ["ال"], "emergency": { "fire": ["حريق"] } },
              "en": { "emergency": { "fire": ["lfire"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.True(flagger.Flag("الحريق", "ar").IsEmergency);
        // "ال" is not an English proclitic: "ال" + "lfire" is not a word start for the English term.
        Assert.False(flagger.Flag("الlfire", "en").IsEmergency);
    }

    [Fact]
    public void Normalisation_IgnoresDiacriticsCaseAndZeroWidthJoiners()
    {
        var lexicon = FlagLexicon.Parse("""
            { "version": 2, "languages": {
              "tr": { "emergency": { "danger": ["öldürecek"] } },
              "fa": { "emergency": { "violence": ["می‌زنه"] } } } }
            """);
        var flagger = new SignalFlagger(lexicon);
        Assert.True(flagger.Flag("beni OLDURECEK", "tr").IsEmergency);
        Assert.True(flagger.Flag("منو میزنه", "fa").IsEmergency);
    }

    [Theory]
    [InlineData("""{ "version": 1, "languages": { "en": {} } }""", "version")]
    [InlineData("""{ "version": 2 }""", "languages")]
    [InlineData("""{ "version": 2, "languages": {} }""", "languages")]
    [InlineData("""{ "version": 2, "languages": { "en": { "emergency": { "theft": ["x"] } } } }""", "kinds")]
    [InlineData("""{ "version": 2, "languages": { "en": { "emergency": { "staff-abuse": ["x"] } } } }""", "kinds")]
    [InlineData("""{ "version": 2, "languages": { "en": { "sensitive": { "sexual": ["@nope + x"] } } } }""", "terms")]
    [InlineData("""{ "version": 2, "languages": { "en": { "sensitive": { "sexual": ["  "] } } } }""", "terms")]
    [InlineData("""{ "version": 2, "languages": { "en": { "sensitive": { "sexual": [7] } } } }""", "languages")]
    [InlineData("""{ "version": 2, "languages": { "en": { "colours": {} } } }""", "languages")]
    [InlineData("""{ "version": 2, "languages": { "en": { "sensitive": { "sexual": ["a + b & c"] } } } }""", "terms")]
    [InlineData("""{ "version": 2, "languages": { "en": { "exclusions": ["  "] } } }""", "terms")]
    [InlineData("""{ "version": 2, "languages": { "en": { "sensitive": { "sexual": ["%nope & x"] } } } }""", "terms")]
    [InlineData("""{ "version": 2, "languages": { "en": { "sensitive": { "sexual": ["%violence"] } } } }""", "terms")]
    public void Parse_RejectsABrokenLexicon_NamingTheField(string json, string field)
    {
        var error = Assert.Throws<DomainException>(() => new SignalFlagger(FlagLexicon.Parse(json)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void ShippedLexicon_EveryFormLanguageHasEveryKind()
    {
        var lexicon = FlagLexicon.LoadEmbedded();
        foreach (var language in FormLanguages.All)
        {
            Assert.True(lexicon.Languages.TryGetValue(language.Code, out var lex), $"no lexicon for {language.Code}");
            foreach (var kind in FlagKinds.Lexicon)
                Assert.True(lex!.Terms.TryGetValue(kind, out var terms) && terms.Count >= 3, $"{language.Code} {kind} has fewer than 3 terms");
        }
    }
}
