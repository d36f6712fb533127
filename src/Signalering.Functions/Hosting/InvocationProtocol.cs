using System.Text.Json;
using System.Text.Json.Serialization;

namespace Signalering.Functions.Hosting;

/// <summary>The body the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger.</summary>
public sealed class InvocationRequest
{
    public Dictionary<string, JsonElement> Data { get; set; } = [];
    public Dictionary<string, JsonElement> Metadata { get; set; } = [];
}

/// <summary>
/// The answer the host expects. Outputs stay empty: our functions write to storage themselves. We never return a
/// bare string in Outputs, because the host base64-decodes any output string that happens to be valid base64.
/// </summary>
public sealed class InvocationResponse
{
    public Dictionary<string, object?> Outputs { get; init; } = [];
    public List<string> Logs { get; init; } = [];
    public object? ReturnValue { get; init; }
}

internal static class InvocationPayload
{
    /// <summary>The host sends a queue message as a JSON string, or as an object when the message itself is JSON.</summary>
    public static string? MessageText(JsonElement data) => data.ValueKind switch
    {
        JsonValueKind.String => data.GetString(),
        JsonValueKind.Object or JsonValueKind.Array => data.GetRawText(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => data.GetRawText(),
        _ => null,
    };

    public static long DequeueCount(Dictionary<string, JsonElement> metadata) =>
        metadata.TryGetValue("DequeueCount", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt64()
        : metadata.TryGetValue("DequeueCount", out d) && d.ValueKind == JsonValueKind.String && long.TryParse(d.GetString(), out var n) ? n : 1;

    public static string MessageId(Dictionary<string, JsonElement> metadata) =>
        metadata.TryGetValue("Id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "";

    public static bool IsPastDue(JsonElement timer) =>
        timer.ValueKind == JsonValueKind.Object && timer.TryGetProperty("IsPastDue", out var p) && p.ValueKind == JsonValueKind.True;

    public static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}
