using System.Net;
using System.Net.Http.Headers;

namespace Switchboard.LoadTests.Campaigns;

/// <summary>A request body written as it is sent (a long contact list is never held whole).</summary>
public sealed class PushContent : HttpContent
{
    private readonly Func<Stream, Task> _write;

    public PushContent(Func<Stream, Task> write, string mediaType)
    {
        _write = write;
        Headers.ContentType = new MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _write(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
