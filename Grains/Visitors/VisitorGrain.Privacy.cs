namespace Switchboard.Grains.Visitors;

/// <summary>Erasure: the visitor's stored profile and its visit in memory go.</summary>
public sealed partial class VisitorGrain
{
    public async Task Forget()
    {
        _writes.Cancel();
        await state.ClearStateAsync();
        state.State = new VisitorState();
        DeactivateOnIdle();
    }
}
