using Orleans.Runtime;

namespace Switchboard.Contracts;

/// <summary>
/// Grain references by string key without Orleans' per-call type resolution. <c>GetGrain&lt;T&gt;(key)</c> resolves the
/// interface's <see cref="GrainInterfaceType"/> by reading its custom attributes on every call (Orleans 10.4 keeps no
/// cache), which the gateway's profile put at about 3 % of its CPU in the message loop. Here the first reference of
/// each interface is made by Orleans itself and its grain type and interface type are kept, so every later reference
/// is exactly what Orleans would have made.
/// </summary>
public static class GrainReferences
{
    public static T Grain<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey =>
        Resolved<T>.Types is { } types
            ? (T)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface)
            : Resolved<T>.First(grains, key);

    private static class Resolved<T>
        where T : IGrainWithStringKey
    {
        public static (GrainType Grain, GrainInterfaceType Interface)? Types;

        public static T First(IGrainFactory grains, string key)
        {
            var reference = grains.GetGrain<T>(key);
            var made = (GrainReference)(object)reference;
            Types = (made.GrainId.Type, made.InterfaceType);
            return reference;
        }
    }
}
