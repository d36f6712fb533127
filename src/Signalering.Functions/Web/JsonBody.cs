using System.Text.Json;

namespace Signalering.Functions.Web;

/// <summary>
/// Reads a JSON body ourselves rather than through parameter binding, so malformed JSON, a wrong content type and
/// a wrong value type all get a problem+json answer that names the field.
/// </summary>
public static class JsonBody
{
    public const long MaxBytes = 64 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType()) return (null, Problems.UnsupportedMediaType("application/json"));
        if (request.ContentLength > MaxBytes) return (null, Problems.Field("body", $"The body is too large (at most {MaxBytes / 1024} KB).", 413));
        // A chunked body has no Content-Length: read at most one byte past the limit before parsing anything.
        var buffer = new byte[MaxBytes + 1];
        var length = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (length > MaxBytes) return (null, Problems.Field("body", $"The body is too large (at most {MaxBytes / 1024} KB).", 413));
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.AsSpan(0, length), options);
            return value is null ? (null, Problems.Field("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, Problems.Field(field, "This is not valid JSON or has the wrong type."));
        }
    }
}
