using Microsoft.Extensions.Options;
using Switchboard.Gateway.Hosting;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Crm;

/// <summary>
/// Whose customer cards this gateway can show. A configured CRM answers for every site. Without one, the demo CRM's
/// invented customers are shown only for the demo site, and only where a demo is what is running (Development, or
/// the standalone product with the demo on): a real site's operators must never see made-up names and orders.
/// </summary>
public sealed class CrmAvailability(IOptions<CrmOptions> crm, IOptions<DemoOptions> demo, IHostEnvironment environment, IConfiguration configuration)
{
    public const string DemoSiteId = "demo";

    public bool HasConfiguredCrm => !string.IsNullOrEmpty(crm.Value.Endpoint);

    /// <summary>True when the gateway serves the demo CRM at <c>/demo-crm</c>.</summary>
    public bool ServesDemoCrm => !HasConfiguredCrm
        && (environment.IsDevelopment() || (demo.Value.Enabled && !ClusterModeOptions.From(configuration).IsCluster));

    public bool Answers(string site) => HasConfiguredCrm || (ServesDemoCrm && site == DemoSiteId);
}
