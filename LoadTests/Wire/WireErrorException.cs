namespace Switchboard.LoadTests.Wire;

/// <summary>The server answered with an <c>error</c> frame.</summary>
public sealed class WireErrorException(WireFrame frame) : Exception($"error {frame.Code}: {frame.Text}")
{
    public string? Code { get; } = frame.Code;
}
