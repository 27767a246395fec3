namespace Switchboard.Gateway.Channels.Phone.Ari;

/// <summary>
/// The ids of the latest events handled, so an event Asterisk sends again (a replay after the socket came back) is
/// not acted on twice: its commands would play a prompt again or hang up a second time.
/// </summary>
public sealed class AriSeenEvents
{
    /// <summary>Far more than the events of the calls in progress between a drop and the reconnect.</summary>
    public const int Remembered = 8192;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = [];
    private readonly Queue<string> _order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool FirstTime(string id)
    {
        lock (_gate)
        {
            if (!_seen.Add(id))
            {
                return false;
            }
            _order.Enqueue(id);
            if (_order.Count > Remembered)
            {
                _seen.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
