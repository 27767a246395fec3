namespace Switchboard.Wire.Frames;

/// <summary>Who an open chat in the operator's <c>welcome</c> is with, and on which channel.</summary>
public sealed record WelcomeChatVisitor(string Id, string? Name, string Channel = Contracts.Conversations.ChannelNames.Web);
