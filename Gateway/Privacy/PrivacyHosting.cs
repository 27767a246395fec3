using Switchboard.Gateway.Hosting;

namespace Switchboard.Gateway.Privacy;

public static class PrivacyHosting
{
    /// <summary>Customers' erasure and export, and the retention sweep (docs/security.md, "Personal data").</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        services.AddSingleton<IRatingCommentEraser, OperatorRatingCommentEraser>();
        services.AddSingleton<CustomerErasure>();
        services.AddSingleton<RetentionSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionSweep>());
        return services;
    }
}
