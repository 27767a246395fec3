namespace Switchboard.Wire.Frames;

public sealed record WelcomeOperator(string Id, string Name, string Status, int Capacity, string Role, int Missed);
