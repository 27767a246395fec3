using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Grains.Reports;
using Switchboard.Silo.Storage.Reports;

namespace Switchboard.Silo.Hosting;

public static class ReportHosting
{
    /// <summary>The reports' read model on <typeparamref name="TDatabase"/> and its projector, which follows the event log on this silo.</summary>
    public static IServiceCollection AddSwitchboardReports<TDatabase>(this IServiceCollection services, IConfiguration configuration)
        where TDatabase : class, IReportDatabase
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<IReportDatabase, TDatabase>();
        services.AddSingleton<ISiteTimeZones, SiteConfigTimeZones>();
        services.AddSingleton<IReportStore, SqlReportStore>();
        services.AddSingleton<IOperatorTimeStore, SqlOperatorTimeStore>();
        services.AddSingleton<ReportProjector>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportProjector>());
        return services;
    }
}
