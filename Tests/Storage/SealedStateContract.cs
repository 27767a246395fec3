using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;
using Switchboard.Contracts;
using Switchboard.Contracts.Visitors;
using Switchboard.Grains;
using Switchboard.Grains.Operators;
using Switchboard.Grains.Visitors;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>What grain state at rest must be on both providers: sealed, bound to its grain, erasable with its key, rotatable.</summary>
public static class SealedStateContract
{
    public const string Phone = "+79001234567";
    public const string Name = "Анна Каренина";

    public static async Task PersonalStateIsSealedAtRestAndReadsBackWhole(ISealedStateStore store)
    {
        var site = NewSite();
        var customer = Customer(site);
        var visitor = GrainId.Create("visitor", GrainKeys.Visitor(site, GrainKeys.NewId()));
        await Write(store, StorageNames.CustomerState, customer, new CustomerState { Identities = [new ChannelIdentity("phone", Phone)], LastOperator = "anna" });
        await Write(store, StorageNames.VisitorState, visitor, new VisitorState { Name = Name, Region = "Казань" });

        AssertSealed(await store.RawAsync(StorageNames.CustomerState, customer), "79001234567", "anna");
        AssertSealed(await store.RawAsync(StorageNames.VisitorState, visitor), Name, "Казань");
        var read = await Read<CustomerState>(store, StorageNames.CustomerState, customer);
        Assert.True(read.RecordExists);
        Assert.Equal(new ChannelIdentity("phone", Phone), Assert.Single(read.State!.Identities));
        Assert.Equal(Name, (await Read<VisitorState>(store, StorageNames.VisitorState, visitor)).State!.Name);
    }

    public static async Task ClearingAPersonsStateDestroysTheirKeySoABackupOfTheRowCannotBeRead(ISealedStateStore store)
    {
        var site = NewSite();
        var customerId = GrainKeys.NewId();
        var customer = GrainId.Create("customer", GrainKeys.Customer(site, customerId));
        var theirWebhooks = GrainId.Create("webhookoutbox", GrainKeys.CustomerWebhooks(site, customerId));
        var someoneElse = Customer(site);
        var state = await Write(store, StorageNames.CustomerState, customer, new CustomerState { Identities = [new ChannelIdentity("phone", Phone)] });
        // The customer's pending webhooks are sealed with the customer's key: erasure shreds them too.
        await Write(store, StorageNames.WebhookOutboxState, theirWebhooks, new CustomerState { LastOperator = Name });
        await Write(store, StorageNames.CustomerState, someoneElse, new CustomerState { LastOperator = "boris" });
        var backup = await store.RawAsync(StorageNames.CustomerState, customer);
        var webhooksBackup = await store.RawAsync(StorageNames.WebhookOutboxState, theirWebhooks);

        await store.Storage.ClearStateAsync(StorageNames.CustomerState, customer, state);

        Assert.Null(await store.KeyStore.FindAsync(GrainKeys.Customer(site, customerId)));
        await store.SetRawAsync(StorageNames.CustomerState, customer, backup);
        await store.SetRawAsync(StorageNames.WebhookOutboxState, theirWebhooks, webhooksBackup);
        // A node that had the key cached reads without it once its cache expired; this one was told at once.
        var restored = await Read<CustomerState>(store, StorageNames.CustomerState, customer);
        Assert.False(restored.RecordExists);
        Assert.Empty(restored.State!.Identities);
        Assert.Null((await Read<CustomerState>(store, StorageNames.WebhookOutboxState, theirWebhooks)).State!.LastOperator);
        Assert.Equal("boris", (await Read<CustomerState>(store, StorageNames.CustomerState, someoneElse)).State!.LastOperator);
    }

    public static async Task StateMovedToAnotherGrainFailsToOpen(ISealedStateStore store)
    {
        var site = NewSite();
        var (mine, theirs) = (Customer(site), Customer(site));
        await Write(store, StorageNames.CustomerState, mine, new CustomerState { LastOperator = "anna" });
        await Write(store, StorageNames.CustomerState, theirs, new CustomerState { LastOperator = "boris" });

        await store.SetRawAsync(StorageNames.CustomerState, theirs, await store.RawAsync(StorageNames.CustomerState, mine));

        var refusal = await Assert.ThrowsAsync<CryptographicException>(() => Read<CustomerState>(store, StorageNames.CustomerState, theirs));
        Assert.Contains("changed or moved", refusal.Message);
    }

    public static async Task StateFromBeforeSealingReadsAndIsSealedOnItsNextWrite(ISealedStateStore store)
    {
        var site = NewSite();
        var id = Operator(site);
        await Write(store, StorageNames.OperatorState, id, new OperatorState());
        await store.SetRawAsync(StorageNames.OperatorState, id, store.PlainSerializer.Serialize(new OperatorState { Conversations = [Name] }).ToArray());

        var read = await Read<OperatorState>(store, StorageNames.OperatorState, id);
        Assert.Equal([Name], read.State!.Conversations);
        Assert.True(Holds(await store.RawAsync(StorageNames.OperatorState, id), Name));

        await store.Storage.WriteStateAsync(StorageNames.OperatorState, id, read);
        AssertSealed(await store.RawAsync(StorageNames.OperatorState, id), Name);
        Assert.Equal([Name], (await Read<OperatorState>(store, StorageNames.OperatorState, id)).State!.Conversations);
    }

    public static async Task ARotatedSiteKeySealsWhatIsWrittenNextAndWhatTheOldOneSealedStillOpens(ISealedStateStore store)
    {
        var site = NewSite();
        var id = Operator(site);
        var before = GrainKeys.Conversation(site, GrainKeys.NewId());
        await Write(store, StorageNames.OperatorState, id, new OperatorState { Conversations = ["c1"] });
        var conversationKey = await store.Keys.ForWritingAsync(before);
        Assert.Equal(1, Generation(await store.RawAsync(StorageNames.OperatorState, id)));

        Assert.Equal(2, await store.Keys.RotateSiteKeyAsync(site));

        var read = await Read<OperatorState>(store, StorageNames.OperatorState, id);
        Assert.Equal(["c1"], read.State!.Conversations);
        await store.Storage.WriteStateAsync(StorageNames.OperatorState, id, read);
        Assert.Equal(2, Generation(await store.RawAsync(StorageNames.OperatorState, id)));
        var after = GrainKeys.Conversation(site, GrainKeys.NewId());
        await store.Keys.ForWritingAsync(after);
        Assert.Equal("site#2", (await store.KeyStore.FindAsync(after))!.WrappedBy);
        Assert.Equal(WrappedKey.BySiteKey, (await store.KeyStore.FindAsync(before))!.WrappedBy);
        // Another node, with nothing cached, opens both generations' keys and follows the rotation.
        var anotherNode = TestKeys.Keys(store.KeyStore);
        Assert.Equal(conversationKey, await anotherNode.ForReadingAsync(before));
        Assert.NotNull(await anotherNode.ForReadingAsync(after));
        Assert.Equal(2, (await anotherNode.CurrentSiteKeyAsync(site)).Generation);
    }

    private static string NewSite() => "sealed-" + GrainKeys.NewId()[..8];

    private static GrainId Customer(string site) => GrainId.Create("customer", GrainKeys.Customer(site, GrainKeys.NewId()));

    private static GrainId Operator(string site) => GrainId.Create("operator", GrainKeys.Operator(site, GrainKeys.NewId()));

    private static async Task<GrainState<T>> Write<T>(ISealedStateStore store, string stateName, GrainId id, T state)
    {
        var grainState = new GrainState<T>(state);
        await store.Storage.WriteStateAsync(stateName, id, grainState);
        return grainState;
    }

    private static async Task<GrainState<T>> Read<T>(ISealedStateStore store, string stateName, GrainId id)
    {
        var grainState = new GrainState<T>();
        await store.Storage.ReadStateAsync(stateName, id, grainState);
        return grainState;
    }

    private static void AssertSealed(byte[] raw, params string[] secrets)
    {
        Assert.Equal(0xFE, raw[0]);
        foreach (var secret in secrets)
        {
            Assert.False(Holds(raw, secret), $"'{secret}' is readable in the stored row");
        }
    }

    /// <summary>The site key generation in a sealed row's header (after the magic and version bytes).</summary>
    private static int Generation(byte[] raw) => BinaryPrimitives.ReadInt32LittleEndian(raw.AsSpan(4));

    private static bool Holds(byte[] raw, string text) => raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
