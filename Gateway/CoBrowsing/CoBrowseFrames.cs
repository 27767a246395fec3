using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;
using Switchboard.Domain.CoBrowsing;
using Switchboard.Gateway.Limits;
using Switchboard.Wire;
using Switchboard.Wire.Frames;

namespace Switchboard.Gateway.CoBrowsing;

/// <summary>
/// Reads a client's co-browsing frame (docs/protocol.md, "Co-browsing"), checks its size and fields, and writes it
/// again as the other side receives it: only the fields the protocol names, with the chat and the sender filled in.
/// Whether it may go at all is the conversation's decision (its consent), not the gateway's.
/// </summary>
public sealed class CoBrowseFrames(IOptions<ClientLimits> limitOptions, IOptions<GatewaySettings> settingOptions)
{
    private readonly ClientLimits _limits = limitOptions.Value;
    private readonly GatewaySettings _settings = settingOptions.Value;

    private const int MaxUrlLength = 2048;
    private const int MaxPatches = 200;
    private const int MaxCoordinate = 1_000_000;

    private static readonly string[] VisitorConsent =
        [CoBrowseActions.Accept, CoBrowseActions.Decline, CoBrowseActions.AllowControl, CoBrowseActions.DenyControl, CoBrowseActions.Stop];
    private static readonly string[] OperatorConsent = [CoBrowseActions.Request, CoBrowseActions.RequestControl, CoBrowseActions.Stop];
    private static readonly string[] Guides = [CoBrowseActions.Highlight, CoBrowseActions.Scroll, CoBrowseActions.Fill];

    public static bool IsCoBrowse(string type) =>
        type is CoBrowseFrame.Name or CoBrowseDomFrame.Name or CoBrowseViewFrame.Name or CoBrowseGuideFrame.Name;

    /// <summary>A visitor's frame about their chat <paramref name="conversationId"/>.</summary>
    public CoBrowseRelayFrame FromVisitor(InboundFrame frame, string conversationId)
    {
        CheckSize(frame);
        return frame.Type switch
        {
            CoBrowseFrame.Name => Consent(frame, conversationId, VisitorConsent, Senders.Visitor),
            CoBrowseDomFrame.Name => Dom(frame.Read(WireContext.Default.CoBrowseDomFrame), conversationId),
            CoBrowseViewFrame.Name => View(frame.Read(WireContext.Default.CoBrowseViewFrame), conversationId),
            _ => throw InboundFrame.Bad($"'{frame.Type}' is the operator's."),
        };
    }

    /// <summary>An operator's frame; its chat is named in it.</summary>
    public CoBrowseRelayFrame FromOperator(InboundFrame frame)
    {
        CheckSize(frame);
        return frame.Type switch
        {
            CoBrowseFrame.Name => Consent(frame, null, OperatorConsent, Senders.Operator),
            CoBrowseGuideFrame.Name => Guide(frame.Read(WireContext.Default.CoBrowseGuideFrame)),
            _ => throw InboundFrame.Bad($"'{frame.Type}' is the visitor's."),
        };
    }

    /// <summary>The visitor's page closed (or its socket did) while shared: the session stops.</summary>
    public static CoBrowseRelayFrame VisitorLeft(string conversationId) =>
        new(conversationId, CoBrowseActions.Stop, ConsentBytes(conversationId, CoBrowseActions.Stop, Senders.Visitor));

    /// <summary>The operator's console closed while it co-browsed.</summary>
    public static CoBrowseRelayFrame OperatorLeft(string conversationId) =>
        new(conversationId, CoBrowseActions.Stop, ConsentBytes(conversationId, CoBrowseActions.Stop, Senders.Operator));

    /// <summary>The operator's question, asked again of a widget that joined the chat before the visitor answered it.</summary>
    public static byte[] Asked(string conversationId) => ConsentBytes(conversationId, CoBrowseActions.Request, Senders.Operator);

    /// <summary>The chat closed or changed hands: the conversation ended the session.</summary>
    public static byte[] Ended(string conversationId) => ConsentBytes(conversationId, CoBrowseActions.Stop, Senders.System);

    /// <summary>A <c>cobrowse</c> frame as either side receives it: the chat, the action, who took it.</summary>
    private static byte[] ConsentBytes(string conversationId, string action, string by) => FrameWriter.ToBytes(
        new CoBrowseFrame { ConversationId = conversationId, Action = action, By = by }, WireContext.Default.CoBrowseFrame);

    private void CheckSize(InboundFrame frame)
    {
        if (frame.Length > _limits.CoBrowseFrameBytes)
        {
            throw new SwitchboardException(ErrorCodes.TooLarge,
                $"A co-browsing frame is at most {_limits.CoBrowseFrameBytes} bytes; send a snapshot in parts.");
        }
    }

    private static CoBrowseRelayFrame Consent(InboundFrame inbound, string? conversationId, string[] allowed, string by)
    {
        var frame = inbound.Read(WireContext.Default.CoBrowseFrame);
        var id = conversationId ?? FieldRules.Required(frame.ConversationId, "conversationId");
        var action = frame.Action is { } named && allowed.Contains(named)
            ? named
            : throw InboundFrame.Bad($"'action' is one of: {string.Join(", ", allowed)}.");
        return new(id, action, ConsentBytes(id, action, by));
    }

    private CoBrowseRelayFrame Dom(CoBrowseDomFrame frame, string conversationId)
    {
        var checkedFrame = frame.Kind switch
        {
            "snapshot" => Snapshot(frame),
            "mutation" => frame with
            {
                Patches = frame.Patches is { Count: > 0 and <= MaxPatches } patches && patches.All(p => p is { Node: >= 0, Html: not null })
                    ? patches
                    : throw InboundFrame.Bad($"A mutation has 1 to {MaxPatches} 'patches', each a 'node' number and its 'html'."),
                Html = null, Part = null, Parts = null,
            },
            _ => throw InboundFrame.Bad("'kind' is 'snapshot' or 'mutation'."),
        };
        return new(conversationId, CoBrowseActions.Dom, FrameWriter.ToBytes(
            checkedFrame with { ConversationId = conversationId, Url = Url(frame.Url), Width = Size(frame.Width), Height = Size(frame.Height) },
            WireContext.Default.CoBrowseDomFrame));
    }

    private CoBrowseDomFrame Snapshot(CoBrowseDomFrame frame)
    {
        var parts = frame.Parts ?? 1;
        if (parts < 1 || parts > _limits.CoBrowseSnapshotParts)
        {
            throw new SwitchboardException(ErrorCodes.TooLarge,
                $"A snapshot is at most {_limits.CoBrowseSnapshotParts} parts; this page is too large to show.");
        }
        var part = frame.Part ?? 0;
        return part >= 0 && part < parts && frame.Html is not null
            ? frame with { Part = part, Parts = parts, Patches = null }
            : throw InboundFrame.Bad("A snapshot part has its 'html' and a 'part' from 0 below 'parts'.");
    }

    private static CoBrowseRelayFrame View(CoBrowseViewFrame frame, string conversationId) => new(conversationId, CoBrowseActions.View,
        FrameWriter.ToBytes(new CoBrowseViewFrame
        {
            ConversationId = conversationId,
            ScrollX = Coordinate(frame.ScrollX), ScrollY = Coordinate(frame.ScrollY),
            PointerX = Coordinate(frame.PointerX), PointerY = Coordinate(frame.PointerY),
            Width = Size(frame.Width), Height = Size(frame.Height),
        }, WireContext.Default.CoBrowseViewFrame));

    private CoBrowseRelayFrame Guide(CoBrowseGuideFrame frame)
    {
        var id = FieldRules.Required(frame.ConversationId, "conversationId");
        var action = frame.Action is { } named && Guides.Contains(named)
            ? named
            : throw InboundFrame.Bad($"'action' is one of: {string.Join(", ", Guides)}.");
        var node = action is CoBrowseActions.Highlight or CoBrowseActions.Fill
            ? frame.Node is >= 0 ? frame.Node : throw InboundFrame.Bad("'node' is the element's number in the snapshot.")
            : null;
        var value = action == CoBrowseActions.Fill
            ? FieldRules.Text(frame.Value ?? "", "value", _settings.MaxTextLength, required: false)
            : null;
        var (x, y) = action == CoBrowseActions.Scroll
            ? (Coordinate(frame.X) ?? throw InboundFrame.Bad("'x' is required."), Coordinate(frame.Y) ?? throw InboundFrame.Bad("'y' is required."))
            : ((int?)null, (int?)null);
        return new(id, action, FrameWriter.ToBytes(
            new CoBrowseGuideFrame { ConversationId = id, Action = action, Node = node, X = x, Y = y, Value = value },
            WireContext.Default.CoBrowseGuideFrame));
    }

    private static string? Url(string? url) => url is { Length: > MaxUrlLength } ? url[..MaxUrlLength] : url;

    private static int? Size(int? pixels) => pixels is { } value ? Math.Clamp(value, 0, MaxCoordinate) : null;

    private static int? Coordinate(int? pixels) => pixels is { } value ? Math.Clamp(value, -MaxCoordinate, MaxCoordinate) : null;
}
