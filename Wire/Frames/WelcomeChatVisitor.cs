namespace Switchboard.Wire.Frames;

public sealed record WelcomeChatVisitor(string Id, string? Name);
