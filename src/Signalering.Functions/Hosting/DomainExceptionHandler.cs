using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain;

namespace Signalering.Functions.Hosting;

/// <summary>
/// The one place a <see cref="DomainException"/> becomes an answer: problem+json with the message under the
/// exception's field in <c>errors</c>, as a handler's own field problems are. 409 when the exception says the current
/// state does not allow the request (<see cref="DomainException.StateConflict"/>): reading again may help, correcting
/// the input will not. 400 otherwise. Handlers let domain exceptions through rather than catching them one by one.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not DomainException domain) return false;
        var status = domain.StateConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        http.Response.StatusCode = status;
        var details = new ProblemDetails
        {
            Status = status,
            Title = domain.StateConflict ? "The current state does not allow this." : "The request has invalid fields.",
            Type = domain.StateConflict ? "https://signalering.example/problems/state-conflict" : "https://signalering.example/problems/invalid-fields",
            Detail = domain.Message,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { [domain.Field ?? "body"] = [domain.Message] } },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}
