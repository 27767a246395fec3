using System.Text.RegularExpressions;
using Switchboard.Contracts;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;

namespace Switchboard.Gateway.Sites;

/// <summary>
/// Creates the sites of the <c>Sites</c> section that do not exist yet, each with a default queue and its supervisor;
/// an existing site is left as it is (its configuration belongs to the REST API from then on). A bad entry stops
/// the start with a message that names it, rather than serving a site nobody can sign in to.
/// </summary>
public sealed partial class ConfiguredSites(IGrainFactory grains, IConfiguration configuration, ILogger<ConfiguredSites> logger) : IHostedService
{
    public const string Section = "Sites";
    public const int MinPasswordLength = 10;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var site in configuration.GetSection(Section).Get<List<ConfiguredSite>>() ?? [])
        {
            var config = Build(site);
            if (await grains.Grain<ISiteGrain>(GrainKeys.Site(site.Id)).CreateIfAbsent(config))
            {
                logger.LogInformation("Created site '{Site}' with supervisor '{Login}'", site.Id, site.AdminLogin);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static SiteConfig Build(ConfiguredSite site)
    {
        if (!SiteId().IsMatch(site.Id))
        {
            throw new InvalidOperationException($"Sites: '{site.Id}' is not a site id (2–40 of a–z, 0–9 and '-', starting with a letter).");
        }
        if (site.AdminPassword.Length < MinPasswordLength)
        {
            throw new InvalidOperationException(
                $"Sites: site '{site.Id}' needs an AdminPassword of at least {MinPasswordLength} characters (Sites__N__AdminPassword).");
        }
        var config = new SiteConfig
        {
            Name = string.IsNullOrWhiteSpace(site.Name) ? site.Id : site.Name,
            Language = site.Language,
            AllowedOrigins = site.AllowedOrigins,
            DefaultQueue = "general",
            Queues = [new("general", "General questions")],
            Operators = [new(site.AdminLogin, site.AdminName, Roles.Supervisor, PasswordHash.Create(site.AdminPassword), [], 4)],
            IdentitySecret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        var problems = SiteConfigValidator.Validate(config);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Sites: site '{site.Id}': " +
                string.Join("; ", problems.Select(p => $"{p.Key}: {string.Join(" ", p.Value)}")));
        }
        return config;
    }

    /// <summary>Starts with a letter, so no site id looks like a number to the ADO.NET provider's keys.</summary>
    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SiteId();
}
