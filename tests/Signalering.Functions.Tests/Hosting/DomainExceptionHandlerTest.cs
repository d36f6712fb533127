using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Domain;
using Signalering.Domain.Workflow;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>A domain refusal as problem+json: 400 for a wrong input, 409 for a state that does not allow it; the field named in errors.</summary>
public sealed class DomainExceptionHandlerTest
{
    private static async Task<(bool Handled, int Status, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handled = await new DomainExceptionHandler(services.GetRequiredService<IProblemDetailsService>()).TryHandleAsync(http, exception, CancellationToken.None);
        http.Response.Body.Position = 0;
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        return (handled, http.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task TryHandle_InvalidInput_400WithTheField()
    {
        var (handled, status, body) = await HandleAsync(new DomainException("Extend by 1 to 4 weeks.", "weeks"));
        Assert.True(handled);
        Assert.Equal(400, status);
        Assert.Equal("Extend by 1 to 4 weeks.", body.GetProperty("errors").GetProperty("weeks")[0].GetString());
    }

    [Fact]
    public async Task TryHandle_StateConflict_409WithTheField()
    {
        var (handled, status, body) = await HandleAsync(new InvalidTransitionException(SignalStatus.Resolved, SignalStatus.Accepted));
        Assert.True(handled);
        Assert.Equal(409, status);
        Assert.Equal(409, body.GetProperty("status").GetInt32());
        Assert.Contains("resolved", body.GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task TryHandle_OtherExceptions_AreLeftToTheNextHandler()
    {
        var (handled, _, _) = await HandleAsync(new InvalidOperationException("a bug"));
        Assert.False(handled);
    }
}
