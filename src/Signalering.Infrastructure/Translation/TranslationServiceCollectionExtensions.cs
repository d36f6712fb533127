using System.Net;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Signalering.Domain.Translation;

namespace Signalering.Infrastructure.Translation;

/// <summary>Registers <see cref="ITextTranslator"/> backed by Azure AI Translator.</summary>
public static class TranslationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TranslatorOptions"/> from the section <c>Translator</c> of <paramref name="configuration"/>, registers
    /// <see cref="TranslatorClient"/> as a typed <see cref="HttpClient"/> with a retry/timeout pipeline timed by those options,
    /// and <see cref="ITextTranslator"/> on top of it. With <see cref="TranslatorOptions.UseManagedIdentity"/> the token comes
    /// from a <see cref="TokenCredential"/> registered by the host if there is one, else from <see cref="DefaultAzureCredential"/>.
    /// </summary>
    public static IServiceCollection AddTranslator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TranslatorOptions>()
            .Bind(configuration.GetSection(TranslatorOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
                "Translator:Endpoint must be an absolute http(s) address.")
            // The global endpoint would also need Ocp-Apim-ResourceId with a token; the custom subdomain needs nothing more.
            .Validate(o => !o.UseManagedIdentity || o.IsCustomSubdomain,
                "Translator:UseManagedIdentity requires a custom-subdomain Endpoint (https://<name>.cognitiveservices.azure.com).")
            .Validate(o => o.TimeoutSeconds > 0 && o.AttemptTimeoutSeconds > 0 && o.RetryDelaySeconds >= 0 && o.MaxRetryAttempts >= 1,
                "Translator timings must be positive and MaxRetryAttempts at least 1.")
            .ValidateOnStart();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TranslatorOptions>>().Value;
            // One credential for the process: DefaultAzureCredential probes and caches, creating it per call would be slow.
            return new TranslatorCredential(options.UseManagedIdentity ? sp.GetService<TokenCredential>() ?? new DefaultAzureCredential() : null);
        });

        services.AddHttpClient(nameof(TranslatorClient))
            .AddTypedClient((http, sp) => new TranslatorClient(
                http, sp.GetRequiredService<IOptions<TranslatorOptions>>(), sp.GetRequiredService<TranslatorCredential>().Credential))
            .ConfigureHttpClient((sp, http) =>
            {
                // Only a backstop for when the pipeline is removed: its own total timeout is what fires.
                var options = sp.GetRequiredService<IOptions<TranslatorOptions>>().Value;
                http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds) + TimeSpan.FromSeconds(5);
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<TranslatorOptions>>().Value));

        services.TryAddTransient<ITextTranslator>(sp => sp.GetRequiredService<TranslatorClient>());
        return services;
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, TranslatorOptions options)
    {
        var total = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var attempt = TimeSpan.FromSeconds(Math.Min(options.AttemptTimeoutSeconds, options.TimeoutSeconds));

        resilience.TotalRequestTimeout.Timeout = total;
        resilience.AttemptTimeout.Timeout = attempt;
        // The standard pipeline insists on a sampling window of at least two attempts.
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, 2 * attempt.Ticks));

        resilience.Retry.MaxRetryAttempts = options.MaxRetryAttempts;
        resilience.Retry.Delay = TimeSpan.FromSeconds(options.RetryDelaySeconds);
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            HttpClientResiliencePredicates.IsTransient(args.Outcome)
            && !WaitsLongerThan(args.Outcome.Result, total));
    }

    /// <summary>
    /// A throttled answer that asks us to wait past our whole budget is not worth waiting for inside this call:
    /// fail now and let the queue try again later instead of idling until the total timeout.
    /// </summary>
    private static bool WaitsLongerThan(HttpResponseMessage? response, TimeSpan budget)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return false;
        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return wait >= budget;
    }

    /// <summary>The credential the translator uses; a private holder so that no process-wide <see cref="TokenCredential"/> is registered on the host's behalf.</summary>
    private sealed record TranslatorCredential(TokenCredential? Credential);
}
