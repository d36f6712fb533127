using Microsoft.AspNetCore.Diagnostics;

namespace Signalering.Functions.Security;

/// <summary>
/// Turns the framework's complaints about a request into the caller's 4xx instead of a 500: a body the server would
/// not read (<see cref="BadHttpRequestException"/>: too large, cut off), a form it could not parse
/// (<see cref="InvalidDataException"/>: too many or too long values; an <see cref="IOException"/> from the multipart
/// reader: a body that ends inside a part), and a form read from a body
/// that is no form at all (the <see cref="InvalidOperationException"/> ReadFormAsync throws for another content type).
/// Everything else stays a 500, logged by the exception handler.
/// </summary>
public sealed class RequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, field, message) = exception switch
        {
            BadHttpRequestException e => (e.StatusCode, "body", "The request body could not be read."),
            InvalidDataException => (StatusCodes.Status400BadRequest, "body", "The form could not be read: broken multipart data, or too many or too long values."),
            IOException when http.Request.HasFormContentType && exception.StackTrace?.Contains("Multipart", StringComparison.Ordinal) == true =>
                (StatusCodes.Status400BadRequest, "body", "The form could not be read: the multipart body ends too soon."),
            InvalidOperationException when IsFormOfWrongType(http, exception) =>
                (StatusCodes.Status415UnsupportedMediaType, "Content-Type", "Send the form as application/x-www-form-urlencoded or multipart/form-data."),
            _ => (0, "", ""),
        };
        if (status == 0 || http.Response.HasStarted) return false;
        http.Response.Clear();
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = status, Title = "The request could not be read.", Detail = message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
            },
        });
    }

    private static bool IsFormOfWrongType(HttpContext http, Exception e) =>
        !http.Request.HasFormContentType && e.StackTrace?.Contains("FormFeature", StringComparison.Ordinal) == true;
}
