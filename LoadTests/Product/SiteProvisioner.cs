using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Contracts.Invitations;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Sites;
using Switchboard.Grains;
using Switchboard.Grains.Sites;
using Switchboard.LoadTests.Scenarios;
using Switchboard.Silo.Storage;
using Switchboard.Silo.Storage.Sqlite;

namespace Switchboard.LoadTests.Product;

/// <summary>
/// Creates the benchmark's site — many operators, so the desk can take every chat — in a fresh standalone data
/// directory before the product starts. The product has no API to create a site yet (it arrives with the
/// routing issue), so this writes the Site grain's state with the product's own storage classes and Orleans'
/// serializer, exactly as the grain would; the product then finds the site as if it had created it.
/// When a site API lands, replace this with a call to it.
/// </summary>
public static class SiteProvisioner
{
    /// <summary>The site's supervisor (same password as the operators), who configures its messenger channel for the messenger run.</summary>
    public const string Supervisor = "supervisor";

    public static async Task CreateAsync(string dataDirectory, string site, IReadOnlyList<string> operators, string password, int capacity)
    {
        var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(SiteState).Assembly).AddAssembly(typeof(SiteConfig).Assembly))
            .BuildServiceProvider();
        await using var _ = services;
        var storage = new StorageOptions { DataDirectory = dataDirectory };
        var database = new SqliteDatabase(storage);
        await using var writer = new SqliteWriter(database, NullLogger<SqliteWriter>.Instance);
        var grainStorage = new SqliteGrainStorage(database, writer, new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()), TimeProvider.System);
        var hash = PasswordHash.Create(password);
        var state = new GrainState<SiteState>(new SiteState
        {
            Config = new SiteConfig
            {
                Name = "Load test store",
                Language = "en",
                DefaultQueue = "general",
                // A high MaxEtaSeconds so the invitation benchmark's invitations are never suppressed for the estimate.
                Queues = [new("general", "General questions") { MaxEtaSeconds = 86_400 }],
                Operators = [.. operators.Select(login => new OperatorAccount(login, "Operator " + login, Roles.Operator, hash, ["general"], capacity)),
                    new OperatorAccount(Supervisor, "Load supervisor", Roles.Supervisor, hash, [], capacity)],
                IdentitySecret = GrainKeys.NewId(),
                // The invitation benchmark's rule: every visitor on a product page is invited after the dwell.
                Invitations = new InvitationSettings
                {
                    Rules = [new InvitationRule(InvitedVisitors.RuleId, "Need help?") { UrlContains = "/product/", MinPageSeconds = InvitedVisitors.DwellSeconds }],
                },
            },
        });
        // The Site grain's id: grain type "site" (from SiteGrain), key from GrainKeys.
        await grainStorage.WriteStateAsync(StorageNames.SiteState, GrainId.Create("site", GrainKeys.Site(site)), state);
        // And the list of sites (grain type "sitedirectory" from SiteDirectoryGrain), or the gateway refuses the name.
        var directory = new GrainState<SiteDirectoryState>(new SiteDirectoryState { Sites = { site } });
        await grainStorage.WriteStateAsync(StorageNames.SiteDirectoryState, GrainId.Create("sitedirectory", GrainKeys.SiteDirectory), directory);
    }
}
