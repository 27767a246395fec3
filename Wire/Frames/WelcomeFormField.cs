namespace Switchboard.Wire.Frames;

public sealed record WelcomeFormField(string Id, string Label, bool Required);
