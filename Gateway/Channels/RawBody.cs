using System.Buffers;

namespace Switchboard.Gateway.Channels;

/// <summary>A webhook's body as bytes, for signatures over exactly what was sent; refused past the limit before any parsing.</summary>
public static class RawBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (a messenger's update: <see cref="MaxBytes"/>).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes = MaxBytes)
    {
        var aborted = request.HttpContext.RequestAborted;
        if (request.ContentLength is { } length)
        {
            // The platforms send a length: the body is read straight into an array of its size, the one copy kept (at 500
            // updates a second a chunk, a growing stream and its final copy were a seventh of the gateway's allocations).
            if (length > maxBytes)
            {
                return null;
            }
            var body = new byte[length];
            var read = await request.Body.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, aborted);
            return read == body.Length ? body : body[..read];
        }
        return await ReadChunkedAsync(request.Body, maxBytes, aborted);
    }

    private static async Task<byte[]?> ReadChunkedAsync(Stream source, int maxBytes, CancellationToken aborted)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await source.ReadAsync(chunk, aborted)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
