using System.Security.Cryptography;
using Signalering.Domain.Languages;

namespace Signalering.Domain.Expertpool;

public enum QuestionKind { Choice, Open }

/// <summary>
/// A question besides the automatic 1–10 score per indicator: multiple choice (one option) or an open answer. Open
/// answers may belong to an indicator, so the analysis can group them with its scores.
/// </summary>
public sealed record Question(string Id, QuestionKind Kind, string Text, string? Indicator, IReadOnlyList<string> Options)
{
    public string TextKey => "q." + Id;
    public string OptionKey(int index) => $"q.{Id}.o{index}";
}

/// <summary>
/// The texts of a consultation in one form language: machine-translated from the Dutch, then checked (and corrected)
/// by a native speaker. A key without a translation is shown in Dutch; a language with such keys is pending.
/// </summary>
public sealed record LanguageTexts(IReadOnlyDictionary<string, string> Texts, bool Reviewed, string? Reviewer, DateTimeOffset? ReviewedAt);

/// <summary>"You said, we did": what the municipality heard and what it will do, published after closing.</summary>
public sealed record Outcome(string Heard, string WillDo, DateTimeOffset PublishedAt);

public enum CompensationMethod { None, Cash, GiftCard, BankTransfer }

/// <summary>
/// One attendee of an in-person session and what they were paid, for the municipality's bookkeeping. A member is
/// recorded by member key (never by name or code); after the member withdraws the key points at nothing, so the
/// payment stays booked without a person attached. Walk-ins (not members) have no key.
/// </summary>
public sealed record Attendance(string? MemberKey, long AmountCents, CompensationMethod Method);

/// <summary>
/// An expertpool consultation: Dutch title, introduction and questions, the target groups and locations invited, the
/// indicators scored, and when it is open. Its texts are translated per form language (see <see cref="LanguageTexts"/>),
/// never blocking: until a translation exists the member reads the Dutch.
/// </summary>
public sealed class Consultation
{
    public const int MaxQuestions = 20;
    private readonly Dictionary<string, LanguageTexts> _translations;
    private readonly List<Attendance> _attendance;
    private readonly HashSet<string> _quotes;

    public string Id { get; }
    public string Title { get; }
    public string Introduction { get; }
    public IReadOnlyList<string> TargetGroups { get; }
    public IReadOnlyList<string> LocationIds { get; }
    public IReadOnlyList<string> Indicators { get; }
    public IReadOnlyList<Question> Questions { get; }
    public DateTimeOffset OpensAt { get; }
    public DateTimeOffset ClosesAt { get; }
    /// <summary>An in-person session (expertpoolsessie): attendance and compensation are registered; members may also answer online.</summary>
    public bool InPerson { get; }
    public string CreatedBy { get; }
    public Outcome? Outcome { get; private set; }
    public int WalkIns { get; private set; }
    public IReadOnlyList<Attendance> Attendance => _attendance;
    public IReadOnlyDictionary<string, LanguageTexts> Translations => _translations;
    /// <summary>Open answers the municipality picked as quotes, as <c>{answerId}/{questionId}</c>.</summary>
    public IReadOnlyCollection<string> SelectedQuotes => _quotes;

    private Consultation(string id, string title, string introduction, IReadOnlyList<string> targetGroups, IReadOnlyList<string> locationIds,
        IReadOnlyList<string> indicators, IReadOnlyList<Question> questions, DateTimeOffset opensAt, DateTimeOffset closesAt, bool inPerson,
        string createdBy, Outcome? outcome, int walkIns, IEnumerable<Attendance> attendance, IDictionary<string, LanguageTexts> translations,
        IEnumerable<string> quotes)
    {
        Id = id; Title = title; Introduction = introduction; TargetGroups = targetGroups; LocationIds = locationIds; Indicators = indicators;
        Questions = questions; OpensAt = opensAt; ClosesAt = closesAt; InPerson = inPerson; CreatedBy = createdBy; Outcome = outcome;
        WalkIns = walkIns; _attendance = attendance.ToList(); _translations = new Dictionary<string, LanguageTexts>(translations, StringComparer.Ordinal);
        _quotes = quotes.ToHashSet(StringComparer.Ordinal);
    }

    public static Consultation Create(string title, string introduction, IReadOnlyList<string> targetGroups, IReadOnlyList<string> locationIds,
        IReadOnlyList<string> indicators, IReadOnlyList<Question> questions, DateTimeOffset opensAt, DateTimeOffset closesAt, bool inPerson,
        string createdBy)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200) throw new DomainException("Give a title (at most 200 characters).", "title");
        if (string.IsNullOrWhiteSpace(introduction) || introduction.Length > 2000)
            throw new DomainException("Give an introduction (at most 2,000 characters).", "introduction");
        if (targetGroups.Count == 0 || targetGroups.Any(g => !Domain.TargetGroups.IsValid(g)))
            throw new DomainException($"Invite one or more of: {string.Join(", ", Domain.TargetGroups.All)}.", "targetGroups");
        if (locationIds.Count == 0 || locationIds.Any(string.IsNullOrWhiteSpace)) throw new DomainException("Name the locations consulted.", "locationIds");
        if (indicators.Any(i => !Expertpool.Indicators.TryGet(i, out _))) throw new DomainException("Unknown indicator.", "indicators");
        if (indicators.Count == 0 && questions.Count == 0) throw new DomainException("Ask at least one indicator score or question.", "indicators");
        if (questions.Count > MaxQuestions) throw new DomainException($"At most {MaxQuestions} questions.", "questions");
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var field = $"questions[{i}]";
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > 500) throw new DomainException("Every question needs a text (at most 500 characters).", field + ".text");
            if (q.Indicator is not null && !Expertpool.Indicators.TryGet(q.Indicator, out _)) throw new DomainException("Unknown indicator.", field + ".indicator");
            if (q.Kind == QuestionKind.Choice && (q.Options.Count is < 2 or > 10 || q.Options.Any(o => string.IsNullOrWhiteSpace(o) || o.Length > 200)))
                throw new DomainException("A multiple-choice question needs 2 to 10 options.", field + ".options");
            if (q.Kind == QuestionKind.Open && q.Options.Count > 0) throw new DomainException("An open question has no options.", field + ".options");
        }
        if (closesAt <= opensAt) throw new DomainException("Closing must come after opening.", "closesAt");
        if (closesAt - opensAt > TimeSpan.FromDays(120)) throw new DomainException("A consultation runs at most 120 days.", "closesAt");
        var numbered = questions.Select((q, i) => q with { Id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Text = q.Text.Trim(),
            Options = q.Options.Select(o => o.Trim()).ToList() }).ToList();
        return new Consultation(NewId(), title.Trim(), introduction.Trim(), targetGroups.Distinct().ToList(), locationIds.Distinct().ToList(),
            indicators.Distinct().ToList(), numbered, opensAt, closesAt, inPerson, createdBy, null, 0, [], new Dictionary<string, LanguageTexts>(), []);
    }

    public static Consultation Restore(string id, string title, string introduction, IReadOnlyList<string> targetGroups, IReadOnlyList<string> locationIds,
        IReadOnlyList<string> indicators, IReadOnlyList<Question> questions, DateTimeOffset opensAt, DateTimeOffset closesAt, bool inPerson,
        string createdBy, Outcome? outcome, int walkIns, IEnumerable<Attendance> attendance, IDictionary<string, LanguageTexts> translations,
        IEnumerable<string> quotes) =>
        new(id, title, introduction, targetGroups, locationIds, indicators, questions, opensAt, closesAt, inPerson, createdBy, outcome, walkIns,
            attendance, translations, quotes);

    /// <summary>Random, and says nothing about the municipality or date; safe as a table key and in URLs.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public bool IsOpen(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
    public bool IsClosed(DateTimeOffset now) => now >= ClosesAt;

    /// <summary>Everything a member reads, in Dutch, by key: what translation works from.</summary>
    public IReadOnlyDictionary<string, string> DutchTexts()
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = Title, ["intro"] = Introduction };
        foreach (var q in Questions)
        {
            texts[q.TextKey] = q.Text;
            for (var i = 0; i < q.Options.Count; i++) texts[q.OptionKey(i)] = q.Options[i];
        }
        if (Outcome is not null) { texts["heard"] = Outcome.Heard; texts["willDo"] = Outcome.WillDo; }
        return texts;
    }

    /// <summary>Form languages (other than Dutch) with a text still missing: the translation work still owed.</summary>
    public IReadOnlyList<string> PendingLanguages()
    {
        var keys = DutchTexts().Keys;
        return FormLanguages.All.Where(l => l.Code != "nl")
            .Where(l => !_translations.TryGetValue(l.Code, out var t) || keys.Any(k => !t.Texts.ContainsKey(k)))
            .Select(l => l.Code).ToList();
    }

    /// <summary>A text in <paramref name="language"/>; the Dutch while there is no translation. <paramref name="translated"/> tells which.</summary>
    public string TextIn(string language, string key, out bool translated)
    {
        translated = language != "nl" && _translations.TryGetValue(language, out var t) && t.Texts.ContainsKey(key);
        return translated ? _translations[language].Texts[key] : DutchTexts()[key];
    }

    public bool IsReviewed(string language) => language == "nl" || (_translations.TryGetValue(language, out var t) && t.Reviewed);

    /// <summary>
    /// Adds machine translations for keys that have none yet. Never overwrites a text: a reviewer's correction stays.
    /// New machine text makes the language unreviewed again.
    /// </summary>
    public void RecordMachineTranslation(string language, IReadOnlyDictionary<string, string> texts)
    {
        var lang = FormLanguages.Get(language).Code;
        var dutch = DutchTexts();
        var current = _translations.TryGetValue(lang, out var t) ? new Dictionary<string, string>(t.Texts) : new Dictionary<string, string>();
        var added = false;
        foreach (var (key, text) in texts)
            if (dutch.ContainsKey(key) && !string.IsNullOrWhiteSpace(text) && current.TryAdd(key, text)) added = true;
        if (!added) return;
        _translations[lang] = new LanguageTexts(current, false, null, null);
    }

    /// <summary>A native speaker checked the language, correcting texts where <paramref name="corrections"/> says.</summary>
    public void Review(string language, string reviewer, IReadOnlyDictionary<string, string>? corrections, DateTimeOffset now)
    {
        if (!FormLanguages.TryGet(language, out var lang) || lang.Code == "nl") throw new DomainException("Review a form language other than Dutch.", "language");
        if (string.IsNullOrWhiteSpace(reviewer) || reviewer.Length > 100) throw new DomainException("Name the reviewer (at most 100 characters).", "reviewer");
        var dutch = DutchTexts();
        var current = _translations.TryGetValue(lang.Code, out var t) ? new Dictionary<string, string>(t.Texts) : new Dictionary<string, string>();
        foreach (var (key, text) in corrections ?? new Dictionary<string, string>())
        {
            if (!dutch.ContainsKey(key)) throw new DomainException($"'{key}' is not a text of this consultation.", "texts." + key);
            if (string.IsNullOrWhiteSpace(text) || text.Length > 2000) throw new DomainException("A text cannot be empty or longer than 2,000 characters.", "texts." + key);
            current[key] = text.Trim();
        }
        if (dutch.Keys.Any(k => !current.ContainsKey(k))) throw new DomainException("Give a text for every key before marking it checked.", "texts");
        _translations[lang.Code] = new LanguageTexts(current, true, reviewer.Trim(), now);
    }

    /// <summary>Publishes "you said, we did". Only after closing: the answers are all in. Publishing again replaces it (and its translations).</summary>
    public void Publish(string heard, string willDo, DateTimeOffset now)
    {
        if (!IsClosed(now)) throw new DomainException("Publish what you heard after the consultation has closed.", "closesAt");
        if (string.IsNullOrWhiteSpace(heard) || heard.Length > 4000) throw new DomainException("Say what you heard (at most 4,000 characters).", "heard");
        if (string.IsNullOrWhiteSpace(willDo) || willDo.Length > 4000) throw new DomainException("Say what you will do (at most 4,000 characters).", "willDo");
        Outcome = new Outcome(heard.Trim(), willDo.Trim(), now);
        foreach (var (lang, t) in _translations.ToList())
            _translations[lang] = new LanguageTexts(t.Texts.Where(kv => kv.Key is not ("heard" or "willDo")).ToDictionary(), false, null, null);
    }

    /// <summary>Registers who attended the session (replacing an earlier registration) and what each was paid.</summary>
    public void RegisterAttendance(IReadOnlyList<Attendance> attendees, int walkIns)
    {
        if (!InPerson) throw new DomainException("Attendance is for in-person sessions.", "inPerson");
        if (walkIns is < 0 or > 1000) throw new DomainException("Walk-ins must be between 0 and 1,000.", "walkIns");
        if (attendees.Count(a => a.MemberKey is null) > walkIns) throw new DomainException("More paid walk-ins than walk-ins.", "walkIns");
        if (attendees.Any(a => a.AmountCents is < 0 or > 100_000)) throw new DomainException("An amount must be between 0 and 1,000 euro.", "amountCents");
        if (attendees.Any(a => !Enum.IsDefined(a.Method) || (a.AmountCents > 0) != (a.Method != CompensationMethod.None)))
            throw new DomainException("Give a payment method exactly when an amount was paid.", "method");
        var members = attendees.Where(a => a.MemberKey is not null).Select(a => a.MemberKey).ToList();
        if (members.Distinct().Count() != members.Count) throw new DomainException("A member is registered twice.", "memberCodes");
        _attendance.Clear();
        _attendance.AddRange(attendees);
        WalkIns = walkIns;
    }

    /// <summary>Replaces the quotes picked for the report.</summary>
    public void SelectQuotes(IEnumerable<string> quotes)
    {
        var list = quotes.ToList();
        if (list.Count > 200 || list.Any(q => q.Split('/').Length != 2)) throw new DomainException("Quotes are given as answerId/questionId (at most 200).", "quotes");
        _quotes.Clear();
        _quotes.UnionWith(list);
    }
}
