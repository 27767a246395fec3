using Microsoft.AspNetCore.Http;
using Switchboard.Gateway.Channels;

namespace Switchboard.Tests.Channels;

/// <summary>A webhook's body is read whole, byte for byte, with or without a declared length, and refused past the limit.</summary>
public sealed class RawBodyTests
{
    private static readonly byte[] Update = Enumerable.Range(0, 40_000).Select(i => (byte)(i * 7)).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_body_comes_back_byte_for_byte(bool lengthDeclared)
    {
        var body = await RawBody.ReadAsync(Request(Update, lengthDeclared, chunkBytes: 1_000));

        Assert.Equal(Update, body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_past_the_limit_is_refused(bool lengthDeclared)
    {
        Assert.Null(await RawBody.ReadAsync(Request(Update, lengthDeclared, chunkBytes: 1_000), maxBytes: Update.Length - 1));
        Assert.Equal(Update, await RawBody.ReadAsync(Request(Update, lengthDeclared, chunkBytes: 1_000), maxBytes: Update.Length));
    }

    [Fact]
    public async Task An_empty_body_is_empty()
    {
        Assert.Empty((await RawBody.ReadAsync(Request([], lengthDeclared: true, chunkBytes: 1)))!);
        Assert.Empty((await RawBody.ReadAsync(Request([], lengthDeclared: false, chunkBytes: 1)))!);
    }

    private static HttpRequest Request(byte[] content, bool lengthDeclared, int chunkBytes)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new TrickleStream(content, chunkBytes);
        context.Request.ContentLength = lengthDeclared ? content.Length : null;
        return context.Request;
    }

    /// <summary>Gives at most a few bytes a read, as a socket does, so the reader must loop.</summary>
    private sealed class TrickleStream(byte[] content, int chunkBytes) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunkBytes));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunkBytes)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunkBytes), cancellationToken);
    }
}
