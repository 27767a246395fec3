using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Silo.Storage.Encryption;
using Switchboard.Tests.Infrastructure;

namespace Switchboard.Tests.Storage;

/// <summary>What both event log stores must do with personal data: sealed at rest, erasable for good, bound to the master key.</summary>
public static class PersonalDataContract
{
    public static readonly DateTimeOffset At = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    public const string Secret = "My card number ends in 4242";
    public const string Phone = "+79001234567";
    public const string Name = "Анна Каренина";
    public const string CustomerId = "shop-customer-8812";

    public static ConversationEvent[] Chat() =>
    [
        new() { Seq = 1, Type = EventTypes.Started, At = At, Queue = "general", VisitorId = "v1", VisitorName = Name, CustomerId = CustomerId,
            Form = new Dictionary<string, string> { ["email"] = "anna@example.com" } },
        new() { Seq = 2, Type = EventTypes.Message, At = At, ClientId = "c-2", From = Senders.Visitor, Text = Secret,
            Attachments = [new Attachment("0123456789abcdef0123456789abcdef", "passport.jpg", "image/jpeg", 10)] },
        new() { Seq = 3, Type = EventTypes.Callback, At = At, ClientId = "c-3", Phone = Phone },
        new() { Seq = 4, Type = EventTypes.Closed, At = At, From = Senders.Operator },
    ];

    public static async Task PersonalFieldsAreSealedAtRestAndReadBackWhole(IPersonalDataStores stores)
    {
        var key = NewConversation();
        await stores.Log.AppendAsync(key, Chat());

        var raw = await stores.RawRowsAsync(key);
        Assert.DoesNotContain("4242", raw);
        Assert.DoesNotContain("79001234567", raw);
        Assert.DoesNotContain("anna@example.com", raw);
        Assert.DoesNotContain("passport", raw);
        Assert.DoesNotContain(CustomerId, raw);
        Assert.Contains("general", raw); // what reports count stays readable
        var read = await stores.Log.ReadAsync(key, 0);
        Assert.Equal(Secret, read[1].Text);
        Assert.Equal(Name, read[0].VisitorName);
        Assert.Equal(CustomerId, read[0].CustomerId);
        Assert.Equal("anna@example.com", read[0].Form!["email"]);
        Assert.Equal("passport.jpg", Assert.Single(read[1].Attachments!).Name);
        Assert.Equal(Phone, read[2].Phone);
        Assert.Equal(Chat()[3], read[3]);
    }

    public static async Task AnErasedConversationReadsAsPlaceholdersAndABackupTakenBeforeCannotBeRead(IPersonalDataStores stores)
    {
        var erased = NewConversation();
        var kept = NewConversation();
        await stores.Log.AppendAsync(erased, Chat());
        await stores.Log.AppendAsync(kept, Chat());
        await stores.BackUpAsync();

        await stores.ConversationKeys.ForgetAsync(erased);

        AssertErased(await stores.Log.ReadAsync(erased, 0));
        Assert.Null(await stores.Keys.FindAsync(erased));
        await stores.RestoreAsync();
        AssertErased(await stores.Log.ReadAsync(erased, 0));
        // A node that had the key cached before the erasure reads without it too once its cache has expired.
        var anotherNode = TestKeys.Keys(stores.Keys);
        Assert.Null(await anotherNode.ForReadingAsync(erased));
        Assert.Equal(Secret, (await stores.Log.ReadAsync(kept, 0))[1].Text);
    }

    public static async Task AChangedByteFailsToOpen(IPersonalDataStores stores, Func<string, Task> flipAByteOfTheSecret)
    {
        var key = NewConversation();
        await stores.Log.AppendAsync(key, Chat());

        await flipAByteOfTheSecret(key);

        var refusal = await Assert.ThrowsAsync<CryptographicException>(() => stores.Log.ReadAsync(key, 0));
        Assert.Contains("changed or moved", refusal.Message);
    }

    public static async Task AWrongMasterKeyIsRefusedAndARotationReWrapsTheSiteKeys(IPersonalDataStores stores)
    {
        var key = NewConversation();
        await stores.Log.AppendAsync(key, Chat());

        var wrong = TestKeys.Keys(stores.Keys, master: TestKeys.OtherMasterKeyBase64);
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => wrong.CheckMasterKeyAsync());
        Assert.Contains("not the key this data was written with", refusal.Message);
        Assert.Contains(MasterKeys.Setting, refusal.Message);

        var rotating = new ConversationKeys(stores.Keys, TestKeys.Masters(TestKeys.OtherMasterKeyBase64, TestKeys.MasterKeyBase64),
            TimeProvider.System, NullLogger<ConversationKeys>.Instance);
        await rotating.CheckMasterKeyAsync();
        var rotated = TestKeys.Keys(stores.Keys, master: TestKeys.OtherMasterKeyBase64);
        await rotated.CheckMasterKeyAsync();
        var sealer = new EventSealer(rotated);
        using var opener = await sealer.OpenerAsync(key);
        Assert.NotNull(await rotated.ForReadingAsync(key));
        await Assert.ThrowsAsync<InvalidOperationException>(() => TestKeys.Keys(stores.Keys).CheckMasterKeyAsync());
    }

    public static async Task ARotationIsFollowedByARewrapOfTheSitesDataKeysThatResumesAndSkipsWhatIsDone(IPersonalDataStores stores)
    {
        var site = "rewrap" + GrainKeys.NewId()[..8];
        var owners = Enumerable.Range(0, 5).Select(i => GrainKeys.Conversation(site, $"c{i}")).ToList();
        var before = new Dictionary<string, byte[]>();
        foreach (var owner in owners)
        {
            before[owner] = await stores.ConversationKeys.ForWritingAsync(owner);
        }
        var neighbour = GrainKeys.Conversation(site + "-x", "c0");
        await stores.ConversationKeys.ForWritingAsync(neighbour);
        var customer = GrainKeys.Customer(site, "u1");
        before[customer] = await stores.ConversationKeys.ForWritingAsync(customer);

        Assert.Equal(2, await stores.ConversationKeys.RotateSiteKeyAsync(site));
        var first = await stores.ConversationKeys.RewrapSiteDataKeysAsync(site, "", pageSize: 2);
        Assert.Equal(2, first.Rewrapped);
        await stores.ConversationKeys.ForgetAsync(owners[4]); // erased while the pass runs: stays erased
        var (rest, after) = (0, first.ResumeAfter);
        while (after is not null)
        {
            var page = await stores.ConversationKeys.RewrapSiteDataKeysAsync(site, after, pageSize: 2);
            (rest, after) = (rest + page.Rewrapped, page.ResumeAfter);
        }

        Assert.Equal(3, rest); // c2, c3 and the customer's
        Assert.Equal(0, (await stores.ConversationKeys.RewrapSiteDataKeysAsync(site, "", pageSize: 100)).Rewrapped);
        Assert.Null(await stores.Keys.FindAsync(owners[4]));
        Assert.Equal(WrappedKey.BySiteKey, (await stores.Keys.FindAsync(neighbour))!.WrappedBy);
        var anotherNode = TestKeys.Keys(stores.Keys);
        foreach (var (owner, key) in before.Where(k => k.Key != owners[4]))
        {
            Assert.Equal(WrappedKey.BySiteKeyGeneration(2), (await stores.Keys.FindAsync(owner))!.WrappedBy);
            Assert.Equal(key, await anotherNode.ForReadingAsync(owner));
        }
    }

    public static void AssertErased(IReadOnlyList<ConversationEvent> events)
    {
        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Seq));
        Assert.Equal(PersonalFields.ErasedText, events[0].VisitorName);
        Assert.Null(events[0].CustomerId);
        Assert.Empty(events[0].Form!);
        Assert.Equal(PersonalFields.ErasedText, events[1].Text);
        Assert.Empty(events[1].Attachments!);
        Assert.Equal(PersonalFields.ErasedText, events[2].Phone);
        Assert.Equal("general", events[0].Queue);
        Assert.Equal(Chat()[3], events[3]);
    }

    public static string NewConversation() => GrainKeys.Conversation("privacy", GrainKeys.NewId());
}
