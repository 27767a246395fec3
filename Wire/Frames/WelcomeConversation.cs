namespace Switchboard.Wire.Frames;

/// <summary>The conversation a visitor's welcome resumes.</summary>
public sealed record WelcomeConversation(string Id, string Status, long LastSeq);
