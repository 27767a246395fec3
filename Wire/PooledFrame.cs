using System.Buffers;

namespace Switchboard.Wire;

/// <summary>
/// A frame's bytes in an array rented from the shared pool, for a frame that is sent once and dropped (an event to one
/// socket): send <see cref="Memory"/>, then dispose, once, to give the array back. Every follower of a conversation is
/// sent its own frame, so a new array per frame was a garbage array per socket per event.
/// </summary>
public readonly struct PooledFrame(byte[] array, int length) : IDisposable
{
    public ReadOnlyMemory<byte> Memory => array.AsMemory(0, length);

    public void Dispose() => ArrayPool<byte>.Shared.Return(array);
}
