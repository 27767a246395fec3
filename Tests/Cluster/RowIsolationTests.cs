using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Grains;
using Switchboard.Grains.Operators;

namespace Switchboard.Tests.Cluster;

/// <summary>
/// The ADO.NET provider keys a row by state name and grain key only (not grain type), and reads a key that
/// looks like a number as one. These prove the project's names and keys keep every grain's state apart.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(DatabaseServers.Name)]
public sealed class RowIsolationTests(DatabaseServers servers)
{
    /// <summary>Ids a random generator will produce sooner or later: hex, leading zeros, GUID-shaped, decimal.</summary>
    private static readonly string[] HexLookingIds = ["ab", "00ab", "AB", "0x0ab", "123", "0123", "8f3c9a0b1c2d3e4f5a6b7c8d9e0f1a2b"];

    [Fact]
    public void Every_grain_type_has_a_state_name_of_its_own()
    {
        var owners = typeof(StorageNames).Assembly.GetTypes()
            .Where(type => typeof(Grain).IsAssignableFrom(type) && !type.IsAbstract)
            .SelectMany(type => type.GetConstructors().SelectMany(c => c.GetParameters())
                .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
                .OfType<PersistentStateAttribute>()
                .Select(state => (Grain: type.Name, state.StateName)))
            .Distinct()
            .ToList();

        Assert.NotEmpty(owners);
        var shared = owners.GroupBy(o => o.StateName).Where(g => g.Select(o => o.Grain).Distinct().Count() > 1).ToList();
        Assert.True(shared.Count == 0, "State names shared by grain types: " + string.Join("; ", shared.Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => o.Grain))}")));
    }

    [Fact]
    public async Task Two_grain_types_with_the_same_key_never_share_a_row()
    {
        var (silo, storage) = await StorageAsync();
        var key = GrainKeys.Visitor("isolation", GrainKeys.NewId());
        await storage.WriteStateAsync(StorageNames.VisitorState, GrainId.Create("visitor", key), Marked("as visitor"));
        await storage.WriteStateAsync(StorageNames.OperatorState, GrainId.Create("operator", key), Marked("as operator"));

        Assert.Equal("as visitor", await ReadMarkAsync(storage, StorageNames.VisitorState, GrainId.Create("visitor", key)));
        Assert.Equal("as operator", await ReadMarkAsync(storage, StorageNames.OperatorState, GrainId.Create("operator", key)));
        var rows = await RowsAsync(silo, key);
        Assert.Equal(["operator", "visitor"], rows.Select(r => r.StateName).Order());
    }

    [Fact]
    public async Task Hex_looking_ids_never_collide_and_are_stored_as_string_keys()
    {
        var (silo, storage) = await StorageAsync();
        var site = $"hex{Guid.NewGuid():N}"[..12];
        var keys = HexLookingIds.SelectMany(id => new[]
        {
            GrainKeys.Visitor(site, id), GrainKeys.Conversation(site, id), GrainKeys.Queue(site, id), GrainKeys.Operator(site, id),
        }).ToList();

        foreach (var key in keys)
        {
            await storage.WriteStateAsync(StorageNames.QueueState, GrainId.Create("queue", key), Marked(key));
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, await ReadMarkAsync(storage, StorageNames.QueueState, GrainId.Create("queue", key)));
            var row = Assert.Single(await RowsAsync(silo, key));
            // Not parsed as a number or a GUID: the whole key is the string part, the numeric parts are zero.
            Assert.Equal((0L, 0L, key), (row.N0, row.N1, row.Extension));
        }
    }

    private static GrainState<OperatorState> Marked(string mark) => new(new OperatorState { Conversations = [mark] });

    private static async Task<string> ReadMarkAsync(IGrainStorage storage, string stateName, GrainId id)
    {
        var state = new GrainState<OperatorState>();
        await storage.ReadStateAsync(stateName, id, state);
        return Assert.Single(state.State!.Conversations);
    }

    private async Task<(ProviderSilo Silo, IGrainStorage Storage)> StorageAsync()
    {
        var silo = await servers.ProviderSiloAsync();
        return (silo, silo.Silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider));
    }

    private static async Task<List<StoredRow>> RowsAsync(ProviderSilo silo, string key)
    {
        await using var connection = new NpgsqlConnection(silo.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString FROM OrleansStorage WHERE ServiceId = $1 AND GrainIdExtensionString = $2",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = silo.ServiceId });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3)));
        }
        return rows;
    }

    private sealed record StoredRow(string StateName, long N0, long N1, string Extension);
}
