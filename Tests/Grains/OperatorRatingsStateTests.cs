using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Switchboard.Contracts.Monitoring;
using Switchboard.Contracts.Operators;
using Switchboard.Grains;
using Switchboard.Grains.Operators;
using Switchboard.Grains.Storage;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// An operator's ratings live in a state of their own, so the writes every seat taken and given back makes carry
/// none of them; ratings stored in the main state by an earlier version move there when the operator next activates.
/// Read back from the silo's real (sealed SQLite) storage.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class OperatorRatingsStateTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_rating_is_written_behind_to_the_ratings_state_and_the_operators_state_carries_none()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Online("anna");
        var (visitorId, start) = await chat.StartChat("Does it come in blue?");
        await chat.Assigned(start.ConversationId);
        await chat.Conversation(start.ConversationId).Close(ChatDriver.Visitor(site, visitorId));

        await chat.Conversation(start.ConversationId).Rate(ChatDriver.Visitor(site, visitorId), 4, "Quick, thanks");
        await Eventually.Until(() => chat.Operator("anna").GetRatings(), r => r.Count == 1, "the rating in the operator's list");
        fixture.Clock.Advance(StateWriteBehind.Delay);

        var operatorKey = chat.Operator("anna");
        var stored = await Eventually.Until(() => Stored<OperatorRatings>(StorageNames.OperatorRatingsState, operatorKey),
            s => s.Entries.Count == 1, "the rating written behind to its own state");
        Assert.Equal((start.ConversationId, 4, "Quick, thanks"), (stored.Entries[0].ConversationId, stored.Entries[0].Score, stored.Entries[0].Comment));
        var main = await Eventually.Until(() => Stored<OperatorState>(StorageNames.OperatorState, operatorKey),
            s => s.Today.Ratings == 1, "the day's figures written behind");
        Assert.Empty(main.Ratings);
    }

    [Fact]
    public async Task Ratings_an_earlier_version_kept_in_the_operators_state_move_to_their_own_at_the_next_activation()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("boris", 4, ["general"]));
        var boris = fixture.Grains.GetGrain<IOperatorGrain>(Switchboard.Contracts.GrainKeys.Operator(site, "boris"));
        var at = fixture.Clock.GetUtcNow();
        RatingEntry[] earlier = [new("c-old-1", 2, "Slow", at.AddHours(-2)), new("c-old-2", 5, "Спасибо 🙂", at.AddHours(-1))];
        var storage = Storage();
        await storage.WriteStateAsync(StorageNames.OperatorState, boris.GetGrainId(),
            new GrainState<OperatorState>(new OperatorState { Status = OperatorStatus.Offline, Ratings = [.. earlier] }));

        var shown = await boris.GetRatings();

        Assert.Equal(["c-old-2", "c-old-1"], shown.Select(r => r.ConversationId));
        Assert.Equal(earlier, (await Stored<OperatorRatings>(StorageNames.OperatorRatingsState, boris)).Entries);
        Assert.Empty((await Stored<OperatorState>(StorageNames.OperatorState, boris)).Ratings);
    }

    private IGrainStorage Storage() => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);

    private async Task<T> Stored<T>(string stateName, IOperatorGrain operatorGrain) where T : new()
    {
        var state = new GrainState<T>(new T());
        await Storage().ReadStateAsync(stateName, operatorGrain.GetGrainId(), state);
        return state.State ?? new T();
    }
}
