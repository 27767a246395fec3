namespace Switchboard.Wire.Frames;

public sealed record WelcomeQueue(string Id, string Name, IReadOnlyList<WelcomeFormField> Form);
