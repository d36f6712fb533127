using System.Globalization;
using System.Security.Claims;
using Signalering.Domain.Workflow;

namespace Signalering.Functions.Features.Inbox;

/// <summary>
/// The inbox list as its URL carries it: filters, search, "mine", order and page. Every link and form of the inbox
/// pages keeps it, so a reload, the back button, a step on a signal and "next signal" all stay in the same list,
/// without JavaScript. Read forgivingly: a form sends empty fields and unchecked boxes, and anything not understood
/// means "no filter", never an error page.
/// </summary>
public sealed record InboxQuery(string? Status, string? Category, string? Location, bool Urgent, bool Overdue, string? Search, bool Mine,
    InboxOrder Order, int Page)
{
    public const int PageSize = 25;
    public const int MaxSearchLength = 100;

    public static InboxQuery From(IQueryCollection query)
    {
        string? V(string name) => query[name].ToString() is { Length: > 0 } v ? v : null;
        var search = V("q")?.Trim();
        return new InboxQuery(SignalStatusCodes.TryParse(V("status"), out _) ? V("status") : null, V("category"), V("location"),
            V("urgent") == "true", V("overdue") == "true", search is { Length: > MaxSearchLength } ? search[..MaxSearchLength] : search, V("mine") == "true",
            InboxOrder.TryParse(V("sort"), V("dir"), out var order) ? order : InboxOrder.Default,
            int.TryParse(V("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1);
    }

    public InboxFilter Filter(ClaimsPrincipal user) =>
        new(Status, Category, Location, Urgent ? true : null, Overdue ? true : null, Search, Mine ? InboxService.Me(user).Id : null);

    /// <summary>The query string (with its "?", or empty), the page left out when <paramref name="withPage"/> is false.</summary>
    public string ToQueryString(bool withPage = true)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("q", Search);
        Add("status", Status);
        Add("category", Category);
        Add("location", Location);
        Add("urgent", Urgent ? "true" : null);
        Add("overdue", Overdue ? "true" : null);
        Add("mine", Mine ? "true" : null);
        if (Order != InboxOrder.Default)
        {
            Add("sort", Order.SortCode);
            Add("dir", Order.Descending ? "desc" : null);
        }
        if (withPage && Page > 1) Add("page", Page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>The same list sorted by <paramref name="by"/>: reversed when it is sorted that way already; back on page one.</summary>
    public InboxQuery SortedBy(InboxSort by) => this with { Order = new InboxOrder(by, Order.By == by && !Order.Descending), Page = 1 };

    /// <summary>For a column header: "ascending", "descending", or null when the list is not sorted by it.</summary>
    public string? AriaSort(InboxSort by) => Order.By != by ? null : Order.Descending ? "descending" : "ascending";

    /// <summary>The query string joined to <paramref name="path"/>, with one more parameter when given.</summary>
    public string Link(string path, string? name = null, string? value = null)
    {
        var query = ToQueryString();
        if (name is null) return path + query;
        return path + (query.Length == 0 ? "?" : query + "&") + name + "=" + Uri.EscapeDataString(value ?? "");
    }
}
