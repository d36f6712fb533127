using Microsoft.Extensions.Options;
using Signalering.Domain.Expertpool;
using Signalering.Functions.Hosting;
using Signalering.Functions.Auth;
using Signalering.Infrastructure;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Expertpool;

public static class ExpertpoolServices
{
    /// <summary>The municipality manages and analyses consultations; administrators may too.</summary>
    public const string MunicipalityPolicy = "expertpool-municipality";

    /// <summary>The expertpool: its tables, keys, flows, reports and timers, and the use cases its API and pages share.</summary>
    public static IServiceCollection AddExpertpool(this IServiceCollection services)
    {
        services.AddOptions<ExpertpoolOptions>().BindConfiguration(ExpertpoolOptions.Section)
            .Validate(o => Extensions.ServiceCollectionExtensions.IsSecret(o.PseudonymKey), "Expertpool:PseudonymKey must be base64 of at least 32 bytes.")
            .Validate(o => o.ReminderDaysBeforeClosing is >= 1 and <= 30, "Expertpool:ReminderDaysBeforeClosing must be 1 to 30.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<StorageClients>();
            return new ExpertpoolTables(storage.Table(ExpertpoolTables.MembersTable), storage.Table(ExpertpoolTables.InvitationsTable),
                storage.Table(ExpertpoolTables.AnswersTable), storage.Table(ExpertpoolTables.ConsultationsTable), storage.Table(ExpertpoolTables.ErasuresTable));
        });
        services.AddSingleton(sp => new Pseudonyms(Convert.FromBase64String(sp.GetRequiredService<IOptions<ExpertpoolOptions>>().Value.PseudonymKey)));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<QrTokenOptions>>().Value;
            return new InvitationTokens(o.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value)), o.ActiveKeyId);
        });
        services.AddSingleton<ExpertpoolService>();
        services.AddSingleton<ExpertpoolTranslation>();
        services.AddSingleton<ExpertpoolReports>();
        services.AddSingleton<MembershipService>();
        services.AddSingleton<ConsultationService>();
        services.AddAuthorizationBuilder().AddPolicy(MunicipalityPolicy,
            p => p.RequireRole(Roles.Municipality, Roles.Admin).RequireClaim(SignaleringClaims.Organisation));
        return services;
    }
}
