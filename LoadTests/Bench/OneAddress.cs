namespace Switchboard.LoadTests.Bench;

/// <summary>
/// The standard benchmark's thousands of visitors and operators all connect from loopback, one address, and each of its
/// sockets sends as fast as the workload asks: its gateway gets limits no single real client would need. The shipped
/// limits are measured by the <c>abuse</c> command instead.
/// </summary>
public static class OneAddress
{
    private const string Unlimited = "1000000";

    public static readonly string[] Limits =
    [
        $"--Limits:SocketsPerAddress={Unlimited}",
        .. Bucket("ConnectionsPerAddress"), .. Bucket("NewVisitorsPerAddress"), .. Bucket("LoginsPerAddress"), .. Bucket("LoginsPerAccount"),
        .. Bucket("ChatStartsPerVisitor"), .. Bucket("OtherFrames"),
        .. Bucket("Frames:message"), .. Bucket("Frames:page"), .. Bucket("Frames:cart"), .. Bucket("Frames:typing"), .. Bucket("Frames:start_chat"),
    ];

    private static string[] Bucket(string name) => [$"--Limits:{name}:PerMinute={Unlimited}", $"--Limits:{name}:Burst={Unlimited}"];
}
