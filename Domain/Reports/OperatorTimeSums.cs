using Switchboard.Contracts.Operators;

namespace Switchboard.Domain.Reports;

/// <summary>One operator's time in one period, in milliseconds, as <see cref="OperatorTimeline"/> adds it up.</summary>
public sealed class OperatorTimeSums
{
    public long OnlineMs { get; private set; }
    public long AwayMs { get; private set; }
    public long OfflineMs { get; private set; }
    public long InChatsMs { get; private set; }
    public long FullMs { get; private set; }
    /// <summary>Online with a seat free: what <see cref="Contracts.Reports.OperatorTimeRow.FreeSeatShare"/> divides by the time online.</summary>
    public long OnlineFreeMs { get; private set; }

    /// <summary>Adds <paramref name="ms"/> spent as <paramref name="change"/> says.</summary>
    public void Add(OperatorStatusChange change, long ms)
    {
        switch (change.Status)
        {
            case OperatorStatus.Online:
                OnlineMs += ms;
                OnlineFreeMs += change.Full ? 0 : ms;
                break;
            case OperatorStatus.Away:
                AwayMs += ms;
                break;
            default:
                OfflineMs += ms;
                break;
        }
        InChatsMs += change.Chats > 0 ? ms : 0;
        FullMs += change.Full ? ms : 0;
    }
}
