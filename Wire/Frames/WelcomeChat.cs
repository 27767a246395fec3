namespace Switchboard.Wire.Frames;

/// <summary>One of an operator's open chats in their welcome (the visitor's name may be null).</summary>
public sealed record WelcomeChat(string Id, string Status, long LastSeq, WelcomeChatVisitor Visitor);
