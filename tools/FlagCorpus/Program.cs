using Signalering.Domain.Flagging;
using Signalering.Domain.Tests.Flagging;

// Scores data/flagging/*.json on the corpus, reading both from disk so that a lexicon change needs no rebuild.
//   dotnet run --project tools/FlagCorpus -- [--split tune|heldout] [--lang xx] [--misses] [--explain "text"]
// --misses lists each wrong line with the literals that matched; never use it on the held-out split while tuning.
// --dump prints every line's label and flags, to count what a lexicon change moves between two runs.
// --time prints how long one Flag call takes on the split's texts (it runs on every submit, so it must stay fast).
var root = FindRoot();
var split = Arg("--split") ?? FlagCorpus.Tune;
var language = Arg("--lang");
var lexicon = FlagLexicon.LoadFolder(Path.Combine(root, "data", "flagging"));
var flagger = new SignalFlagger(lexicon);

if (Arg("--explain") is { } text)
{
    var r = flagger.Flag(text, language ?? "en");
    Console.WriteLine($"{r.Flags} [{string.Join(", ", r.Kinds)}] matched: {string.Join(", ", flagger.Explain(text))}");
    return 0;
}

var lines = FlagCorpus.LoadFrom(Path.Combine(root, "tests", "Signalering.Domain.Tests", "Flagging", "Corpus"), split)
    .Where(l => language is null || l.Language == language).ToList();
if (args.Contains("--time"))
{
    foreach (var line in lines) flagger.Flag(line.Text, line.Language); // warm up
    var clock = System.Diagnostics.Stopwatch.StartNew();
    const int Rounds = 5;
    for (var round = 0; round < Rounds; round++)
        foreach (var line in lines) flagger.Flag(line.Text, line.Language);
    Console.WriteLine($"{clock.Elapsed.TotalMicroseconds / (Rounds * lines.Count):0} µs per text over {lines.Count} texts");
    return 0;
}
if (args.Contains("--dump"))
{
    foreach (var line in lines)
        Console.WriteLine($"{line.Language}.tsv:{line.LineNumber}\t{(line.Emergency ? "E" : "")}{(line.Sensitive ? "S" : "")}{(line.Ordinary ? "-" : "")}\t{flagger.Flag(line.Text, line.Language).Flags}\t{string.Join(",", line.Tags.Order())}");
    return 0;
}
Console.WriteLine(FlagCorpus.Header(split));
foreach (var group in lines.GroupBy(l => l.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Append(null))
{
    var s = FlagCorpus.Score(group ?? (IEnumerable<CorpusLine>)lines, flagger);
    Console.WriteLine(FlagCorpus.Row(group?.Key ?? "all", s));
    if (group is not null && args.Contains("--misses"))
        foreach (var (line, got) in s.Misses)
            Console.WriteLine($"   {line.Language}.tsv:{line.LineNumber} want {(line.Emergency ? "E" : "")}{(line.Sensitive ? "S" : "")}{(line.Ordinary ? "-" : "")} got {got.Flags}: {line.Text} | {line.Gloss} | matched {string.Join(", ", flagger.Explain(line.Text))}");
}
return 0;

string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Signalering.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run inside the repository.");
}
