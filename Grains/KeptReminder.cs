namespace Switchboard.Grains;

/// <summary>
/// A reminder registered exactly while a grain has work pending (an outbox's undelivered items), so a silo's death
/// cannot strand the work: the reminder activates the grain again elsewhere. It remembers whether it is registered,
/// so the reminder table is touched only when that changes.
/// </summary>
public sealed class KeptReminder
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly Grain _grain;
    private readonly string _name;
    private bool _registered;

    private KeptReminder(Grain grain, string name, bool registered) => (_grain, _name, _registered) = (grain, name, registered);

    /// <summary>The grain's reminder <paramref name="name"/>, as the reminder table has it; call on activation.</summary>
    public static async Task<KeptReminder> LoadAsync(Grain grain, string name) =>
        new(grain, name, await grain.GetReminder(name) is not null);

    public async Task KeepAsync(bool wanted)
    {
        if (wanted == _registered)
        {
            return;
        }
        if (wanted)
        {
            await _grain.RegisterOrUpdateReminder(_name, Period, Period);
        }
        else if (await _grain.GetReminder(_name) is { } reminder)
        {
            await _grain.UnregisterReminder(reminder);
        }
        _registered = wanted;
    }
}
