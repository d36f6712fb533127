using Signalering.Infrastructure.Translation;

namespace Signalering.Infrastructure.Tests.Translation;

public sealed class TranslatorOptionsTest
{
    [Theory]
    [InlineData("https://api.cognitive.microsofttranslator.com", "https://api.cognitive.microsofttranslator.com/translate")]
    [InlineData("https://api-eur.cognitive.microsofttranslator.com/", "https://api-eur.cognitive.microsofttranslator.com/translate")]
    [InlineData("https://signalering.cognitiveservices.azure.com", "https://signalering.cognitiveservices.azure.com/translator/text/v3.0/translate")]
    [InlineData("https://Signalering.CognitiveServices.Azure.com/", "https://signalering.cognitiveservices.azure.com/translator/text/v3.0/translate")]
    [InlineData("https://signalering.cognitiveservices.azure.com/translator/text/v3.0/", "https://signalering.cognitiveservices.azure.com/translator/text/v3.0/translate")]
    [InlineData("http://127.0.0.1:5000/gateway", "http://127.0.0.1:5000/gateway/translate")]
    public void TranslateUri_Endpoint_PathForEndpointKind(string endpoint, string expected)
    {
        Assert.Equal(new Uri(expected), new TranslatorOptions { Endpoint = endpoint }.TranslateUri());
    }

    [Fact]
    public void TranslateUri_NotAnAddress_ThrowsInvalidOperation()
    {
        Assert.Throws<InvalidOperationException>(() => new TranslatorOptions { Endpoint = "api.cognitive" }.TranslateUri());
    }

    [Fact]
    public void Defaults_Fresh_GlobalEndpointTenSecondsNotConfigured()
    {
        var options = new TranslatorOptions();

        Assert.Equal("https://api.cognitive.microsofttranslator.com", options.Endpoint);
        Assert.Equal(10, options.TimeoutSeconds);
        Assert.False(options.IsConfigured);
        Assert.False(options.IsCustomSubdomain);
    }

    [Theory]
    [InlineData("key", false, true)]
    [InlineData(" ", false, false)]
    [InlineData(null, true, true)]
    public void IsConfigured_Credential_TrueWithKeyOrManagedIdentity(string? key, bool managedIdentity, bool expected)
    {
        Assert.Equal(expected, new TranslatorOptions { Key = key, UseManagedIdentity = managedIdentity }.IsConfigured);
    }
}
