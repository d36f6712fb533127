using Signalering.Domain.Languages;

namespace Signalering.Domain.Categories;

/// <summary>
/// A main category or a subcategory. Codes are lowercase ASCII with hyphens ("wonen", "wonen-vocht") so they are
/// safe as Table keys and in URLs. A subcategory's code starts with its parent's code and a hyphen.
/// Names exist in every form language; Dutch is what coordinators read.
/// </summary>
public sealed record Category
{
    public string Code { get; }
    public string? ParentCode { get; }
    public IReadOnlyDictionary<string, string> Names { get; }
    public HandlingPromise Promise { get; }
    /// <summary>Goes to the independent confidential handler, never to the location's operator.</summary>
    public bool Sensitive { get; }
    /// <summary>Picking it means immediate danger: the resident is pointed to 112 and the signal is urgent.</summary>
    public bool Emergency { get; }
    /// <summary>Name of the inline SVG pictogram the form shows on the category's tile.</summary>
    public string? Pictogram { get; }

    public Category(string code, string? parentCode, IReadOnlyDictionary<string, string> names, HandlingPromise promise,
        bool sensitive = false, bool emergency = false, string? pictogram = null)
    {
        if (!IsValidCode(code)) throw new DomainException($"Category code '{code}' must be lowercase letters, digits and hyphens.", "code");
        if (parentCode is not null && !code.StartsWith(parentCode + "-", StringComparison.Ordinal))
            throw new DomainException($"Subcategory '{code}' must start with '{parentCode}-'.", "code");
        foreach (var lang in FormLanguages.All)
            if (!names.TryGetValue(lang.Code, out var n) || string.IsNullOrWhiteSpace(n))
                throw new DomainException($"Category '{code}' has no name in '{lang.Code}'.", "names");
        Code = code; ParentCode = parentCode; Names = names; Promise = promise;
        Sensitive = sensitive; Emergency = emergency; Pictogram = pictogram;
    }

    public bool IsMain => ParentCode is null;

    public string NameIn(string language) =>
        Names.TryGetValue(language, out var n) ? n : Names["en"];

    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 64 && code[0] is >= 'a' and <= 'z'
        && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
