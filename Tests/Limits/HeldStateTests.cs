using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Conversations;
using Switchboard.Domain.Invitations;

namespace Switchboard.Tests.Limits;

/// <summary>What a visitor can grow in the grains stays bounded: pages per visit, events in memory per conversation.</summary>
public sealed class HeldStateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_visit_keeps_its_latest_pages_and_counts_them_all()
    {
        var visit = new Visit(T0, returning: false, pagesKept: 5);

        for (var i = 1; i <= 1000; i++)
        {
            visit.AddPage($"https://shop/p/{i}", null, null, T0.AddSeconds(i));
        }

        Assert.Equal(1000, visit.PageCount);
        Assert.Equal(["https://shop/p/996", "https://shop/p/997", "https://shop/p/998", "https://shop/p/999", "https://shop/p/1000"],
            visit.Pages(T0.AddSeconds(1001)).Select(p => p.Url));
    }

    [Fact]
    public void A_conversation_keeps_its_latest_events_and_sends_readers_of_older_ones_to_the_log()
    {
        var history = new ConversationHistory(eventsKept: 10);
        history.Apply(new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = T0, VisitorId = "v1", Queue = "general", ClientId = "s1" });
        for (var seq = 2; seq <= 100; seq++)
        {
            history.Apply(new ConversationEvent { Seq = seq, Type = EventTypes.Message, At = T0.AddSeconds(seq), From = Senders.Visitor, Text = $"m{seq}" });
        }

        Assert.Equal(10, history.Events.Count);
        Assert.Equal(100, history.LastSeq);
        Assert.Equal([96L, 97L, 98L, 99L, 100L], history.After(95, 100)!.Select(e => e.Seq));
        Assert.Equal([91L, 92L], history.After(90, 2)!.Select(e => e.Seq));
        Assert.Null(history.After(89, 100));
        Assert.Equal(1, history.SeqOf("s1"));
        Assert.Equal(ConversationStatus.Queued, history.Status);
    }
}
