using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Signalering.Infrastructure;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Security;

public static class SecurityServices
{
    /// <summary>Rate-limit buckets in storage, the intake gate, which proxies may name the client, and retention.</summary>
    public static IServiceCollection AddSignaleringSecurity(this IServiceCollection services)
    {
        services.AddOptions<AbuseLimitOptions>().BindConfiguration(AbuseLimitOptions.Section)
            .Validate(o => o.SubmitsPerLocation > 0 && o.SubmitsPerClient > 0 && o.LookupsPerClient > 0 && o.MissesPerClient > 0
                && o.MissesPerCodeSpace > 0 && o.TranslationsPerLocationPerDay >= 0 && o.SubmitWindow > TimeSpan.Zero && o.LookupWindow > TimeSpan.Zero,
                "AbuseLimits: every limit must be positive (translations may be 0: never translate).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section)
            .Validate(ForwardedHeadersSetup.IsValid, "ForwardedHeaders: KnownProxies must be IP addresses, KnownNetworks CIDR ranges, ForwardLimit 1-5.")
            .ValidateOnStart();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersSetup>();
        services.AddSingleton(sp => new RateLimitTable(sp.GetRequiredService<StorageClients>().Table(RateLimitTable.TableName)));
        services.AddSingleton<RateLimitLeases>();
        services.AddSingleton<AbuseGuard>();
        services.AddSingleton<IntakeGate>();
        services.AddExceptionHandler<RequestExceptionHandler>();
        services.AddOptions<Features.Processing.RetentionOptions>().BindConfiguration(Features.Processing.RetentionOptions.Section)
            .Validate(o => o.ContactDaysAfterClosing > 0 && o.ContentDaysAfterClosing >= o.ContactDaysAfterClosing,
                "Retention: ContactDaysAfterClosing must be positive and at most ContentDaysAfterClosing.")
            .Validate(o => o.AuditDays > o.ContentDaysAfterClosing, "Retention: AuditDays must be longer than ContentDaysAfterClosing.")
            .ValidateOnStart();
        services.AddSingleton<Features.Processing.RetentionService>();
        return services;
    }
}
