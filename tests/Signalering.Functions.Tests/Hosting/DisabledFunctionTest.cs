using System.Net;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>The host's per-function switch (AzureWebJobs.{name}.Disabled) holds in the local composition too.</summary>
public sealed class DisabledFunctionTest
{
    [Theory]
    [InlineData("AzureWebJobs.Home.Disabled")]   // the app setting's name
    [InlineData("AzureWebJobs:Home:Disabled")]   // the same from AzureWebJobs__Home__Disabled in the environment
    public async Task ADisabledHttpFunction_AnswersNotFound_TheOthersStillServe(string setting)
    {
        using var app = new SignaleringApp();
        app.Settings[setting] = "true";
        using var client = app.CreateClient();
        var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, root.StatusCode);
        Assert.Equal("application/problem+json", root.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/s")).StatusCode);
    }

    [Fact]
    public async Task FalseOrAbsent_LeavesTheFunctionOn()
    {
        using var app = new SignaleringApp();
        app.Settings["AzureWebJobs.Home.Disabled"] = "false";
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}
