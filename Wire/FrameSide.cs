namespace Switchboard.Wire;

/// <summary>Where a frame travels, as docs/protocol.md groups them.</summary>
public enum FrameSide
{
    /// <summary>A conversation event, to visitors and operators alike.</summary>
    Event,
    VisitorToServer,
    ServerToVisitor,
    OperatorToServer,
    ServerToOperator,
}
