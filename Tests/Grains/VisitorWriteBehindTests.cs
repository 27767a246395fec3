using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Switchboard.Contracts;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Visitors;
using Switchboard.Grains;
using Switchboard.Grains.Storage;
using Switchboard.Grains.Visitors;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Grains;

/// <summary>
/// What a visitor grain writes behind: a crash may lose it without harm, so nothing waits for its disk sync. Read back
/// from the silo's real (sealed SQLite) storage, with the write-behind's timer on the fake clock.
/// </summary>
[Collection(ClusterFixture.Name)]
public sealed class VisitorWriteBehindTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_hello_is_answered_before_its_visit_is_stored_and_the_visit_is_stored_within_the_delay()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, GrainKeys.NewId()));

        var welcome = await visitor.Hello(new VisitorHello(null, "de", null), null);

        Assert.False(welcome.Returning);
        Assert.False((await Stored(visitor)).RecordExists);
        fixture.Clock.Advance(StateWriteBehind.Delay);
        var stored = await Eventually.Until(() => Stored(visitor), s => s.RecordExists, "the visit written behind");
        Assert.Equal((1, "de"), (stored.State.Visits, stored.State.Language));
    }

    [Fact]
    public async Task A_new_visitors_own_key_is_made_at_the_hello_before_their_state_is_written_and_only_once()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, GrainKeys.NewId()));
        var keys = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IDataKeyStore>();
        var owner = visitor.GetPrimaryKeyString();

        await visitor.Hello(new VisitorHello(null, "de", null), null);

        var made = await Eventually.Until(() => keys.FindAsync(owner), k => k is not null, "the new visitor's key made at the hello");
        Assert.False((await Stored(visitor)).RecordExists);
        await visitor.Hello(new VisitorHello(null, "en", null), null);
        fixture.Clock.Advance(StateWriteBehind.Delay);
        var stored = await Eventually.Until(() => Stored(visitor), s => s.RecordExists, "the visit written behind, sealed with that key");
        Assert.Equal("en", stored.State.Language);
        Assert.Equal(made!.Sealed, (await keys.FindAsync(owner))!.Sealed);
    }

    [Fact]
    public async Task A_chat_start_is_stored_before_it_is_answered_and_takes_the_waiting_visit_with_it()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        var visitorId = GrainKeys.NewId();
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId));
        await visitor.Hello(new VisitorHello(null, "fr", null), null);

        var (_, start) = await chat.StartChat("Bonjour", visitorId: visitorId);

        var stored = await Stored(visitor);
        Assert.Equal((start.ConversationId, 1, "fr"), (stored.State.OpenConversationId, stored.State.Visits, stored.State.Language));
    }

    [Fact]
    public async Task The_last_operator_is_written_behind_and_kept()
    {
        var site = await TestSites.CreateAsync(fixture.Grains, ("anna", 4, ["general"]));
        var chat = new ChatDriver(fixture.Grains, site);
        await chat.Online("anna");
        var visitorId = GrainKeys.NewId();
        var visitor = fixture.Grains.GetGrain<IVisitorGrain>(GrainKeys.Visitor(site, visitorId));
        var (_, start) = await chat.StartChat("Hello", visitorId: visitorId);
        await chat.Assigned(start.ConversationId);
        await chat.Operator("anna").SetStatus(OperatorStatus.Offline);

        fixture.Clock.Advance(StateWriteBehind.Delay);

        var stored = await Eventually.Until(() => Stored(visitor), s => s.State.LastOperator == "anna", "the last operator written behind");
        Assert.Equal(start.ConversationId, stored.State.OpenConversationId);
    }

    private async Task<(bool RecordExists, VisitorState State)> Stored(IVisitorGrain visitor)
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Provider);
        var state = new GrainState<VisitorState>(new VisitorState());
        await storage.ReadStateAsync(StorageNames.VisitorState, visitor.GetGrainId(), state);
        return (state.RecordExists, state.State ?? new VisitorState());
    }
}
