using Switchboard.Gateway.Channels.Phone;

namespace Switchboard.LoadTests.Fuzz;

/// <summary>
/// The body of a signed phone event (<c>POST /hooks/phone/{site}</c>) as the hook reads it: an event, or the reason
/// it answers <c>400</c> with; never an exception, which would answer the PBX with a 500.
/// </summary>
public static class PhoneEventTarget
{
    public static readonly FuzzTarget Target = new("phone", "a PBX's phone event", Run);

    private static void Run(byte[] body)
    {
        var (evt, problem) = PhoneHookEndpoint.Parse(body);
        if ((evt is null) == (problem is null))
        {
            throw new InvalidOperationException("Broken rule: a phone event body is either an event or a reason, never both or neither.");
        }
    }
}
