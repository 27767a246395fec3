namespace Switchboard.LoadTests.Bench;

/// <summary>
/// The standard benchmark's sizes: the targets (1,000 messages/s, 100 chat starts/s, 15,000 idle
/// visitors, 10,000 invited visitors) for the real run, and a quick shape of it for trying the machinery out in a minute.
/// </summary>
public sealed record BenchSettings(
    TimeSpan WarmUp,
    TimeSpan During,
    int ThroughputCopies,
    int MessageRate,
    int MessagePool,
    int StartRate,
    int IdleSockets,
    int IdleProcesses,
    TimeSpan IdleRamp,
    TimeSpan MixedDuring,
    int MixedChatsPerSecond,
    int MixedBrowsersPerSecond,
    int Operators,
    int OperatorCapacity,
    int InvitedVisitors,
    int InvitedProcesses,
    TimeSpan InvitedRamp)
{
    /// <summary>Telegram updates per second through the webhook (issue 10's 500), over this many users with open chats.</summary>
    public int MessengerRate { get; init; } = 500;
    public int MessengerUsers { get; init; } = 200;

    public static readonly BenchSettings Standard = new(
        WarmUp: TimeSpan.FromSeconds(5), During: TimeSpan.FromSeconds(20), ThroughputCopies: 64, MessageRate: 1000, MessagePool: 200,
        StartRate: 100, IdleSockets: 15_000, IdleProcesses: 3, IdleRamp: TimeSpan.FromSeconds(30),
        MixedDuring: TimeSpan.FromSeconds(30), MixedChatsPerSecond: 10, MixedBrowsersPerSecond: 50, Operators: 40, OperatorCapacity: 25,
        InvitedVisitors: 10_000, InvitedProcesses: 2, InvitedRamp: TimeSpan.FromSeconds(25));

    public static readonly BenchSettings Quick = new(
        WarmUp: TimeSpan.FromSeconds(2), During: TimeSpan.FromSeconds(5), ThroughputCopies: 8, MessageRate: 100, MessagePool: 20,
        StartRate: 10, IdleSockets: 600, IdleProcesses: 2, IdleRamp: TimeSpan.FromSeconds(3),
        MixedDuring: TimeSpan.FromSeconds(6), MixedChatsPerSecond: 2, MixedBrowsersPerSecond: 5, Operators: 6, OperatorCapacity: 25,
        InvitedVisitors: 200, InvitedProcesses: 2, InvitedRamp: TimeSpan.FromSeconds(3))
    {
        MessengerRate = 50,
        MessengerUsers = 20,
    };
}
