using Switchboard.Silo.Storage.Blobs;

namespace Switchboard.Gateway.Attachments;

public static class AttachmentHosting
{
    /// <summary>The blob store, uploads with their checks, signed links, and the orphan sweep (docs/attachments.md).</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>().Bind(configuration.GetSection(AttachmentOptions.Section));
        services.AddSwitchboardBlobStore(configuration);
        services.AddSingleton<AttachmentCatalog>();
        services.AddSingleton<ImageScrubber>();
        services.AddSingleton<VideoScrubber>();
        services.AddSingleton<HeicConverter>();
        services.AddSingleton<AttachmentUploads>();
        services.AddSingleton<AttachmentClaims>();
        services.AddSingleton<AttachmentLinks>();
        services.AddSingleton<OrphanSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<OrphanSweep>());
        return services;
    }
}
