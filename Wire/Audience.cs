namespace Switchboard.Wire;

/// <summary>Who reads a frame: visitors get every event too (the sequence stays gap-free) but never operators' internal notes.</summary>
public enum Audience
{
    Visitor,
    Operator,
}
