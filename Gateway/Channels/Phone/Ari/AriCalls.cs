using System.Collections.Concurrent;

namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>One site's calls on its Asterisk, by channel id, and the operators' legs bridged to them.</summary>
public sealed class AriCalls
{
    public ConcurrentDictionary<string, AriCall> ByChannel { get; } = new();
    public ConcurrentDictionary<string, AriCall> ByOperatorLeg { get; } = new();
}
