namespace Switchboard.Wire;

/// <summary>The frame's <c>type</c> on the wire and where it travels; a frame sent both ways or to both sides says so twice.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class WireFrameAttribute(string type, FrameSide side) : Attribute
{
    public string Type { get; } = type;
    public FrameSide Side { get; } = side;
}
