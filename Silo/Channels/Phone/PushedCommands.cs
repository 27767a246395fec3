using Switchboard.Contracts.Calls;

namespace Switchboard.Silo.Channels.Phone;

/// <summary>
/// Commands for a call in progress that the product decides on between the PBX's events (an operator accepted; nobody
/// took the call), POSTed to the <c>commandUrl</c>: <c>{"type":"commands","callId","commands":[…]}</c>, the commands
/// exactly as in an answer to an event. An extension of CHANNELS.md, documented in docs/channels-phone.md.
/// </summary>
public sealed record PushedCommands(string CallId, IReadOnlyList<PhoneCommand> Commands)
{
    public string Type => "commands";
}
