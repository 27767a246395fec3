using Microsoft.Extensions.Options;
using Switchboard.Domain.Sites;
using Switchboard.Gateway.Hosting;
using Switchboard.Silo.Crm;
using Switchboard.Silo.Hosting;

namespace Switchboard.Gateway.Crm;

/// <summary>
/// Which sites have a CRM: a configured <c>Crm:Endpoint</c> answers for every site. Without one, the demo CRM's
/// invented customers answer only for the demo site, and only in Development or the standalone demo
/// (<c>Demo:Enabled</c> with <c>Cluster:Mode=Standalone</c>), so production never shows a made-up card.
/// </summary>
public sealed class CrmScope(IOptions<CrmOptions> crm, IOptions<DemoOptions> demo, IHostEnvironment environment, IConfiguration configuration)
{
    public const string NotConfiguredTitle = "No CRM is configured for this site.";

    public bool IsConfigured => !string.IsNullOrEmpty(crm.Value.Endpoint);

    /// <summary>Whether this gateway serves the demo CRM at <c>/demo-crm</c>.</summary>
    public bool ServesDemoCrm => !IsConfigured
        && (environment.IsDevelopment() || demo.Value.Enabled && !ClusterModeOptions.From(configuration).IsCluster);

    public bool HasCrm(string site) => IsConfigured || ServesDemoCrm && site == DemoSite.Id;
}
