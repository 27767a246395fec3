namespace Switchboard.Gateway.Channels;

/// <summary>A webhook's body as bytes, for signatures over exactly what was sent; refused past the limit before any parsing.</summary>
public static class RawBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/> (a messenger's update: <see cref="MaxBytes"/>).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes = MaxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
