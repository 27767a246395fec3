using Orleans.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Contracts.Conversations;
using Switchboard.Grains.Channels;

namespace Switchboard.Tests.Grains;

/// <summary>An outbox's kept outcomes: packed and read back whole, the latest few kept, and a list stored by an older node still read.</summary>
public sealed class DeliveryOutcomesTests
{
    [Fact]
    public void Outcomes_pack_and_read_back_whole_with_their_missing_parts()
    {
        var outcomes = new DeliveryOutcomes(capacity: 10);
        outcomes.Add(new DeliveryReport("m1", DeliveryStatus.Sent, null, "tg-501"));
        outcomes.Add(new DeliveryReport("m2", DeliveryStatus.Failed, "Forbidden: bot was blocked by the user — заблокирован", null));
        outcomes.Add(new DeliveryReport("m3", DeliveryStatus.Sent, "", ""));

        var read = DeliveryOutcomes.Read(new OutboxState { Outcomes = outcomes.Pack() }, capacity: 10);

        Assert.Equal(3, read.Count);
        Assert.Equal(new DeliveryReport("m1", DeliveryStatus.Sent, null, "tg-501"), read.Of("m1"));
        Assert.Equal(new DeliveryReport("m2", DeliveryStatus.Failed, "Forbidden: bot was blocked by the user — заблокирован", null), read.Of("m2"));
        Assert.Equal(new DeliveryReport("m3", DeliveryStatus.Sent, "", ""), read.Of("m3"));
        Assert.Equal("m1", read.OfPlatformMessage("tg-501")?.MessageId);
        Assert.Null(read.Of("m4"));
        Assert.Null(read.OfPlatformMessage("tg-999"));
    }

    [Fact]
    public void Only_the_latest_are_kept_and_a_message_told_twice_answers_with_its_latest()
    {
        var outcomes = new DeliveryOutcomes(capacity: 3);
        foreach (var i in Enumerable.Range(1, 5))
        {
            outcomes.Add(new DeliveryReport($"m{i}", DeliveryStatus.Sent, null, $"p{i}"));
        }
        outcomes.Add(new DeliveryReport("m5", DeliveryStatus.Failed, "late failure", null));

        var read = DeliveryOutcomes.Read(new OutboxState { Outcomes = outcomes.Pack() }, capacity: 3);

        Assert.Equal(3, read.Count);
        Assert.Null(read.Of("m3"));
        Assert.NotNull(read.Of("m4"));
        Assert.Equal(DeliveryStatus.Failed, read.Of("m5")!.Status);
    }

    [Fact]
    public void A_state_stored_by_a_node_from_before_packing_is_read_through_orleans_serializer_as_it_was_written()
    {
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(OutboxState).Assembly)).BuildServiceProvider()
            .GetRequiredService<Serializer>();
        // What an older node wrote: the list under field 3, nothing under field 4.
        var older = serializer.SerializeToArray(new OutboxState { Channel = "telegram", Done = [new DeliveryReport("m1", DeliveryStatus.Sent, null, "tg-1")] });

        var stored = serializer.Deserialize<OutboxState>(older)!;
        var outcomes = DeliveryOutcomes.Read(stored, capacity: 10);

        Assert.Null(stored.Outcomes);
        Assert.Equal("m1", outcomes.OfPlatformMessage("tg-1")?.MessageId);
    }

    [Fact]
    public void A_format_this_node_does_not_know_is_refused_rather_than_read_as_nothing()
    {
        var error = Assert.Throws<InvalidDataException>(() => DeliveryOutcomes.Read(new OutboxState { Outcomes = [9, 0] }, capacity: 10));

        Assert.Contains("format 9", error.Message);
    }
}
