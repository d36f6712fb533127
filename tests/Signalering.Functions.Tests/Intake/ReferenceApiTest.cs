using System.Net;
using System.Text.Json;
using Signalering.Domain.Languages;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Intake;

/// <summary>The public reference data a form needs: its languages, and the category tree in one of them.</summary>
public sealed class ReferenceApiTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Languages_AreEveryFormLanguage_WithItsOwnNameAndDirection()
    {
        var languages = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/api/reference/languages")).RootElement.EnumerateArray().ToList();

        Assert.Equal(FormLanguages.All.Select(l => l.Code), languages.Select(l => l.GetProperty("code").GetString()));
        var arabic = languages.Single(l => l.GetProperty("code").GetString() == "ar");
        Assert.Equal("العربية", arabic.GetProperty("name").GetString());
        Assert.Equal("rtl", arabic.GetProperty("direction").GetString());
        Assert.Equal("ltr", languages.Single(l => l.GetProperty("code").GetString() == "ti").GetProperty("direction").GetString());
    }

    [Fact]
    public async Task Categories_InArabic_NameMainAndSubcategoriesWithTheirPromise()
    {
        var tree = JsonDocument.Parse(await _app.CreateClient().GetStringAsync("/api/reference/categories?lang=ar")).RootElement;

        var wonen = tree.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "wonen");
        Assert.Matches(@"\p{IsArabic}", wonen.GetProperty("name").GetString());
        var damp = wonen.GetProperty("subcategories").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "wonen-vocht");
        Assert.Matches(@"\p{IsArabic}", damp.GetProperty("name").GetString());
        Assert.True(damp.GetProperty("resolveWithinWorkingDays").GetInt32() > 0);
        Assert.Contains(tree.EnumerateArray().SelectMany(c => c.GetProperty("subcategories").EnumerateArray()), s => s.GetProperty("emergency").GetBoolean());
    }

    [Fact]
    public async Task Categories_UnknownLanguage_Returns400NamingLang()
    {
        var response = await _app.CreateClient().GetAsync("/api/reference/categories?lang=xx");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(json.GetProperty("errors").TryGetProperty("lang", out _));
    }
}
