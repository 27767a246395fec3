using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Silo.Crm;

namespace Switchboard.Silo.Hosting;

public static class CrmConnectionHosting
{
    /// <summary>
    /// The one way to reach the retailer's CRM (docs/crm.md), for the gateway's card connector and a silo's own order
    /// lookup alike: the validated <c>Crm:*</c> options and <typeparamref name="TClient"/> as a typed client behind the
    /// resilience handler, timed out by <c>Crm:Timeout</c>, retries included.
    /// </summary>
    public static IHttpClientBuilder AddCrmConnection<TClient>(this IServiceCollection services, IConfiguration configuration)
        where TClient : class
    {
        var section = configuration.GetSection(CrmOptions.Section);
        services.AddOptions<CrmOptions>()
            .Bind(section)
            .Configure(options => CrmOptions.ReadLegacyTimeout(section, options))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services.AddResilientHttpClient<TClient, CrmOptions>(options => options.Timeout);
    }
}
