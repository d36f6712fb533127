using System.Net.Http.Json;
using System.Text.Json;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>Builds intake bodies for the seeded Noordoostpolder locations.</summary>
public static class Intakes
{
    public const string AzcMainBuilding = "HQ4z84j7neJR-KBN";
    public const string Ukrainian = "Ig5AnitqTRhZaNGj";
    public const string LabourMigrants = "6wN9oPEZkgiz7vjP";
    public const string FirstHome = "crPixkSMeAXMwnHF";

    public static Dictionary<string, object?> Body(SignaleringApp app, string tokenId = AzcMainBuilding, string language = "ar",
        string category = "wonen", string? subcategory = "wonen-vocht", string? text = "الماء يدخل غرفتي", string? key = null) => new()
    {
        ["locationToken"] = app.Token(tokenId),
        ["language"] = language,
        ["category"] = category,
        ["subcategory"] = subcategory,
        ["text"] = text,
        ["idempotencyKey"] = key ?? Guid.NewGuid().ToString(),
    };

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SubmitAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/signals", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<string> SubmitAcceptedAsync(this HttpClient client, object body)
    {
        var (response, json) = await client.SubmitAsync(body);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, json.ToString());
        return json.GetProperty("trackingCode").GetString()!;
    }
}
