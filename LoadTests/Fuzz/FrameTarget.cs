using Switchboard.Contracts;
using Switchboard.Wire;

namespace Switchboard.LoadTests.Fuzz;

/// <summary>
/// A socket frame, visitor's or operator's: its type and client id, then the record its type names, as the
/// sessions read it. The product answers a bad frame with <c>bad_request</c> (a <see cref="SwitchboardException"/>);
/// anything else thrown would be logged with a stack trace and answered <c>unavailable</c>, which a frame must never
/// cause.
/// </summary>
public static class FrameTarget
{
    public static readonly FuzzTarget Target = new("frame", "a visitor's or operator's socket frame", Run);

    public static void Run(byte[] bytes)
    {
        var frame = InboundFrame.TryParse(bytes, out var problem);
        if (frame is null)
        {
            Require(problem is not null, "a refused frame has a reason");
            return;
        }
        _ = frame.ClientId;
        foreach (var read in FrameReaders.For(frame.Type))
        {
            try
            {
                read(frame);
            }
            catch (SwitchboardException refusal)
            {
                Require(refusal.Code == ErrorCodes.BadRequest, $"a frame is refused as bad_request, not {refusal.Code}");
            }
        }
    }

    private static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Broken rule: {rule}.");
        }
    }
}
