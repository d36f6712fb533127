using System.Net;
using System.Text.Json;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Security;

/// <summary>Query parameters at the edge of their types: each is the caller's mistake, a 400 naming the field, never a 500.</summary>
public sealed class QueryEdgeCaseTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("coa-luttelgeest", "coordinator", "/api/inbox?urgent=maybe", "urgent")]
    [InlineData("coa-luttelgeest", "coordinator", "/api/inbox?overdue=1x", "overdue")]
    [InlineData("gemeente-regie", "municipality", "/api/reports/response-times?to=0001-01-15", "to")]
    [InlineData("gemeente-regie", "municipality", "/api/reports/response-times?from=9999-12-31", "from")]
    [InlineData(null, null, "/open311/v2/requests.json?end_date=0001-01-01T00:00:00Z", "end_date")]
    [InlineData(null, null, "/open311/v2/requests.json?start_date=9999-12-31T23:59:59Z", "start_date")]
    public async Task EdgeValues_Answer400_NamingTheField(string? organisation, string? role, string path, string field)
    {
        var client = organisation is null ? _app.CreateClient() : _app.Coordinator(organisation, role!);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{path}: {errors}");
    }
}
