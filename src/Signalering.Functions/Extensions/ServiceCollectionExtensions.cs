using Microsoft.Extensions.Options;
using Signalering.Domain.Flagging;
using Signalering.Domain.Locations;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Features.Health;
using Signalering.Functions.Features.Intake;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Features.Status;
using Signalering.Functions.Auth;
using Signalering.Functions.Features.Expertpool;
using Signalering.Functions.Hosting;
using Signalering.Functions.Security;
using Signalering.Functions.Telemetry;
using Signalering.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;
using Signalering.Infrastructure.Translation;

namespace Signalering.Functions.Extensions;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything the function app needs, in either composition (the isolated worker or the local one): storage,
    /// reference data, intake and processing, the HTTP pipeline every HTTP function goes through.
    /// </summary>
    public static TBuilder AddSignaleringServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var services = builder.Services;
        var config = builder.Configuration;
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageOutageHandler>();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrEmpty(o.ConnectionString) || !string.IsNullOrEmpty(o.AccountName),
                "Configure Storage:ConnectionString (local) or Storage:AccountName (managed identity).")
            .Validate(o => o.Prefix.All(char.IsAsciiLetterLower) || o.Prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)),
                "Storage:Prefix must be lowercase letters and digits.")
            .ValidateOnStart();
        services.AddOptions<SignalOptions>().BindConfiguration(SignalOptions.Section)
            .Validate(o => IsSecret(o.TrackingCodeSecret), "Signals:TrackingCodeSecret must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.AddOptions<QrTokenOptions>().BindConfiguration(QrTokenOptions.Section)
            .Validate(o => o.Keys.ContainsKey(o.ActiveKeyId) && o.Keys.Values.All(IsSecret),
                "QrTokens:ActiveKeyId must name one of QrTokens:Keys, each base64 of at least 32 bytes.")
            .ValidateOnStart();

        var development = builder.Environment.IsDevelopment();
        services.AddOptions<Web.PublicSiteOptions>().BindConfiguration(Web.PublicSiteOptions.Section)
            .Validate(o => development || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps,
                "Site:PublicBaseUrl must be the app's public https address outside Development.")
            .ValidateOnStart();
        services.AddSingleton<Web.PublicSite>();

        services.AddSingleton<StorageClients>();
        services.AddSingleton(sp => new SignalTable(sp.GetRequiredService<StorageClients>().Table(SignalTable.TableName)));
        services.AddSingleton(sp => new ReferenceDataTable(sp.GetRequiredService<StorageClients>().Table(ReferenceDataTable.TableName)));
        services.AddSingleton<SignalQueues>();
        services.AddSingleton<Infrastructure.Blobs.AttachmentStore>();
        services.AddSingleton(sp => new ReportTable(sp.GetRequiredService<StorageClients>().Table(ReportTable.TableName)));
        services.AddSingleton<ReportAggregates>();
        services.AddSingleton(sp => new AuditTable(sp.GetRequiredService<StorageClients>().Table(AuditTable.TableName)));
        services.AddSingleton(sp => new ColleagueTable(sp.GetRequiredService<StorageClients>().Table(ColleagueTable.TableName)));
        services.AddSingleton<HandlingClocks>();
        services.AddSingleton(sp => new WebhookTable(sp.GetRequiredService<StorageClients>().Table(WebhookTable.TableName)));
        services.AddSingleton<WebhookSender>();
        // A receiver that hangs must not hold a worker: short timeout, no automatic retries (the queue retries, with back-off).
        services.AddHttpClient(WebhookSender.Queue, c => c.Timeout = TimeSpan.FromSeconds(10));
        // Web Push (Features/Notifications): optional; without VAPID keys the status page says the phone cannot get messages.
        services.AddOptions<Features.Notifications.WebPushOptions>().BindConfiguration(Features.Notifications.WebPushOptions.Section);
        services.AddSingleton(sp => new PushSubscriptionTable(sp.GetRequiredService<StorageClients>().Table(PushSubscriptionTable.TableName)));
        services.AddSingleton<Features.Notifications.PushSubscriptions>();
        services.AddSingleton<Features.Notifications.ResidentNotifier>();
        services.AddHttpClient(Features.Notifications.ResidentNotifier.Queue, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton(sp => new LanguageReviewTable(sp.GetRequiredService<StorageClients>().Table(LanguageReviewTable.TableName)));
        // Resident pages travel over poor mobile connections: compress them, over HTTPS too. BREACH needs a secret in
        // the page next to attacker-controlled text; these pages carry no session or anti-forgery token.
        services.AddResponseCompression(o => { o.EnableForHttps = true; o.MimeTypes = ["text/html", "image/svg+xml", "application/json", "text/javascript"]; });
        services.AddTranslator(config);

        services.AddSingleton(_ => SignalFlagger.Default);
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<QrTokenOptions>>().Value;
            return new LocationTokens(o.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)), o.ActiveKeyId);
        });
        services.AddSingleton<ReferenceDataProvider>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<PipelineHealth>();
        services.AddSingleton<HealthCheck>();
        services.AddSingleton<SignalProcessor>();
        services.AddSingleton<SignalTranslationWorker>();
        services.AddSingleton<SignalSweeper>();
        services.AddSingleton<LookupGuard>();
        services.AddSignaleringSecurity();
        services.AddSingleton<StatusLookup>();
        services.AddSingleton<Features.Status.StatusService>();
        services.AddSingleton<Features.Reports.ReportsService>();
        services.AddSingleton<Features.Admin.AdminService>();
        services.AddSingleton<Features.Inbox.InboxService>();
        services.AddSingleton<Features.Intake.ResidentFormService>();
        services.AddSingleton<Web.PageRenderer>();
        services.AddSingleton<Features.SignIn.SignInService>();
        services.AddHttpContextAccessor();
        services.AddSingleton<Web.Nonce>();
        // Razor encodes what pages write; only markup characters need it. Encoding every Arabic or Ge'ez letter as an
        // entity would triple the size of a resident page on a slow phone.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddHostedService<StartupInitialiser>();

        services.AddSingleton<SignaleringHttp>();
        services.AddExpertpool();
        builder.AddSignaleringTelemetry();
        builder.AddSignaleringAuth();
        return builder;
    }

    internal static bool IsSecret(string? base64)
    {
        if (string.IsNullOrEmpty(base64)) return false;
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var n) && n >= 32;
    }
}

/// <summary>
/// Creates tables and seeds reference data before the app takes traffic. When storage is not reachable yet it waits,
/// with growing pauses (0.5 s doubling to 30 s), and says so in the log at every attempt: an app that exits because
/// storage came up a few seconds after it would only be restarted into the same race.
/// </summary>
internal sealed class StartupInitialiser(ReferenceDataProvider reference, SignalTable signals, ReportTable reports,
    ILogger<StartupInitialiser> log) : IHostedService
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pause = TimeSpan.FromMilliseconds(500);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await signals.Client.CreateIfNotExistsAsync(cancellationToken);
                await reports.Client.CreateIfNotExistsAsync(cancellationToken);
                await reference.InitialiseAsync(cancellationToken);
                if (attempt > 1) log.LogInformation("Storage reachable after {Attempts} attempts; starting", attempt);
                return;
            }
            catch (Exception e) when (StorageFailures.IsOutage(e) && !cancellationToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Waiting for storage: not reachable (attempt {Attempt}); trying again in {Pause}", attempt, pause);
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
