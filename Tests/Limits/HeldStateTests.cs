using System.Runtime.CompilerServices;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.Conversations;
using Switchboard.Domain.Invitations;

namespace Switchboard.Tests.Limits;

/// <summary>What a visitor can grow in the grains stays bounded: pages per visit, and a conversation keeps no events in memory.</summary>
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
    public void A_conversation_folds_its_events_and_keeps_none_of_them()
    {
        var history = new ConversationHistory();
        history.Apply(new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = T0, VisitorId = "v1", Queue = "general", ClientId = "s1" });

        var applied = ApplyMessages(history, 2, 100);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.All(applied, reference => Assert.False(reference.IsAlive, "an applied event is still held after a full collection"));
        Assert.Equal(100, history.LastSeq);
        Assert.Equal(1, history.CandidateSeqOf("s1"));
        Assert.Equal((ConversationStatus.Queued, T0.AddSeconds(100)), (history.Status, history.AwaitingReplySince));
    }

    [Fact]
    public void A_conversation_keeps_no_client_id_it_stored()
    {
        var history = new ConversationHistory();
        history.Apply(new ConversationEvent { Seq = 1, Type = EventTypes.Started, At = T0, VisitorId = "v1", Queue = "general" });

        var ids = ApplyMessagesWithClientIds(history, 2, 100);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.All(ids, reference => Assert.False(reference.IsAlive, "a stored client id is still held after a full collection"));
        Assert.Equal(50, history.CandidateSeqOf(ClientId(50)));
        Assert.Null(history.CandidateSeqOf(ClientId(101)));
    }

    private static string ClientId(int seq) => $"web-{seq:D6}-{seq * 7919}";

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> ApplyMessagesWithClientIds(ConversationHistory history, int firstSeq, int lastSeq)
    {
        var ids = new List<WeakReference>();
        for (var seq = firstSeq; seq <= lastSeq; seq++)
        {
            var clientId = ClientId(seq);
            history.Apply(new ConversationEvent { Seq = seq, Type = EventTypes.Message, At = T0.AddSeconds(seq), From = Senders.Visitor, Text = "hi", ClientId = clientId });
            ids.Add(new WeakReference(clientId));
        }
        return ids;
    }

    // Its own frame, so no local of the test keeps an event alive across the collection.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> ApplyMessages(ConversationHistory history, int firstSeq, int lastSeq)
    {
        var applied = new List<WeakReference>();
        for (var seq = firstSeq; seq <= lastSeq; seq++)
        {
            var message = new ConversationEvent { Seq = seq, Type = EventTypes.Message, At = T0.AddSeconds(seq), From = Senders.Visitor, Text = $"m{seq}" };
            history.Apply(message);
            applied.Add(new WeakReference(message));
        }
        return applied;
    }
}
