namespace Signalering.Domain.Categories;

/// <summary>The two-level category tree. Immutable; a change produces a new tree.</summary>
public sealed class CategoryTree
{
    private readonly Dictionary<string, Category> _byCode;

    public IReadOnlyList<Category> Main { get; }
    public IReadOnlyList<Category> All { get; }

    public CategoryTree(IEnumerable<Category> categories)
    {
        All = categories.ToList();
        _byCode = new Dictionary<string, Category>(StringComparer.Ordinal);
        foreach (var c in All)
            if (!_byCode.TryAdd(c.Code, c)) throw new DomainException($"Category '{c.Code}' appears twice.", "code");
        foreach (var c in All.Where(c => c.ParentCode is not null))
        {
            if (!_byCode.TryGetValue(c.ParentCode!, out var parent) || !parent.IsMain)
                throw new DomainException($"Subcategory '{c.Code}' has no main category '{c.ParentCode}'.", "parentCode");
        }
        Main = All.Where(c => c.IsMain).ToList();
    }

    public bool TryGet(string? code, out Category category)
    {
        category = null!;
        return code is not null && _byCode.TryGetValue(code, out category!);
    }

    public IEnumerable<Category> SubcategoriesOf(string mainCode) => All.Where(c => c.ParentCode == mainCode);
}
