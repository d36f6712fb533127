using Signalering.Domain.Intake;

namespace Signalering.Functions.Web;

/// <summary>
/// application/problem+json answers. Field errors go in <c>errors</c> keyed by the API's field names, so a client
/// (the resident form) can put each message next to its field.
/// </summary>
public static class Problems
{
    public static IResult Fields(IReadOnlyList<FieldError> errors, int status = StatusCodes.Status400BadRequest) =>
        Results.Problem(
            title: "The request has invalid fields.",
            detail: string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")),
            statusCode: status,
            type: "https://signalering.example/problems/invalid-fields",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            });

    public static IResult Field(string field, string message, int status = StatusCodes.Status400BadRequest) => Fields([new(field, message)], status);

    public static IResult UnsupportedMediaType(string expected) =>
        Results.Problem(title: "Unsupported content type.", detail: $"Send the body as {expected}.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [$"Use {expected}."] } });
}
