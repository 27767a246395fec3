using Microsoft.AspNetCore.Authentication;
using Switchboard.Gateway.ApiReference;
using Switchboard.Gateway.Attachments;
using Microsoft.Extensions.Options;
using Switchboard.Gateway.Auth;
using Switchboard.Gateway.Contacts;
using Switchboard.Gateway.Channels;
using Switchboard.Gateway.Forms;
using Switchboard.Gateway.Channels.Phone;
using Switchboard.Gateway.Health;
using Switchboard.Gateway.CoBrowsing;
using Switchboard.Gateway.Limits;
using Switchboard.Gateway.Crm;
using Switchboard.Gateway.Dashboard;
using Switchboard.Gateway.Monitoring;
using Switchboard.Gateway.Operators;
using Switchboard.Gateway.Sockets;
using Switchboard.Gateway.Telemetry;
using Switchboard.Gateway.Visitors;
using Switchboard.Silo.Hosting;

using Switchboard.Gateway.Privacy;

namespace Switchboard.Gateway.Hosting;

public static class GatewayServices
{
    /// <summary>Everything the gateway's edge needs: options, tokens, auth, the push hub, health, limits.</summary>
    public static IServiceCollection AddSwitchboardGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewaySettings>().Bind(configuration.GetSection(GatewaySettings.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoOptions>, DemoPasswordCheck>();
        services.TryAddTimeProvider();

        services.AddSwitchboardKeyRing(configuration);
        services.AddSingleton<TokenService>();
        services.AddOptions<OperationsOptions>().Bind(configuration.GetSection(OperationsOptions.Section))
            .Validate(o => o.Login.Length == 0 || o.Password.Length >= Sites.ConfiguredSites.MinPasswordLength,
                $"Operations: the operations account needs a Password of at least {Sites.ConfiguredSites.MinPasswordLength} characters (Operations__Password).")
            .ValidateOnStart();
        services.AddSingleton<OperationsAccount>();
        services.AddSingleton<OperatorAccounts>();
        services.AddSingleton<WebSocketTickets>();
        services.AddSingleton(ClusterDashboardOptions.From(configuration));
        services.AddSingleton<DashboardSignIn>();
        services.AddAuthentication(OperatorTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OperatorTokenHandler>(OperatorTokenHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddApiReference();
        services.AddClientLimits(configuration);

        services.AddSingleton<PushHub>();
        services.AddSingleton<ContactDesk>();
        services.AddSingleton<OperatorWorkbench>();
        services.AddSingleton<CoBrowseFrames>();
        services.AddSingleton<CoBrowseViewers>();
        services.AddSingleton<PushResync>();
        services.AddSingleton<SocketDrain>();
        services.AddHostedService<PushRenewalService>();
        services.AddSingleton<VisitorPresenceBoard>();
        services.AddSingleton<IdentityVerifier>();
        services.AddSingleton<SiteMonitor>();
        services.AddSingleton<MonitorChatDetails>();
        services.AddSingleton<MonitorFeed>();
        services.AddCrm(configuration);
        services.AddPhoneChannel();
        services.AddTransient<Campaigns.CampaignCallHook>();
        services.AddSingleton<Silo.Campaigns.ICampaignLine, Campaigns.AriCampaignLine>();
        services.AddHostedService<VisitorPresencePublisher>();
        services.AddChannelInbox();
        services.AddContactForms();
        services.AddAttachments(configuration);
        services.AddPrivacy(configuration);
        services.AddSwitchboardHealth();
        services.AddGatewayMetrics(configuration);
        services.AddProblemDetails();
        services.AddExceptionHandler<ClusterUnavailableHandler>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
