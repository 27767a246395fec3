using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Grains.Conversations;

/// <summary>
/// The conversation's side of push to the retailer's app (docs/in-app.md): an operator's reply stored while none of
/// the web visitor's widgets is open is told to the visitor, one-way, who pushes it if their app gave a token.
/// </summary>
public sealed partial class ConversationGrain
{
    private void TellAbsentVisitor(IReadOnlyList<ConversationEvent> events)
    {
        if (_visitorGoneSince is null || _history.Channel != ChannelNames.Web || _history.VisitorId.Length == 0)
        {
            return;
        }
        foreach (var reply in events.Where(e => e.Type == EventTypes.Message && e.From == Senders.Operator))
        {
            var preview = string.IsNullOrEmpty(reply.Text) ? $"📎 {reply.Attachments?.Count ?? 0}" : reply.Text;
            GrainFactory.Grain<IVisitorGrain>(GrainKeys.Visitor(_site, _history.VisitorId))
                .OperatorReplied(_id, reply.Seq, reply.Author ?? "", preview).Ignore();
        }
    }
}
